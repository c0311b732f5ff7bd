/* augur-core.h: the one header to include for the whole core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"
#include "augur-batch.h"
#include "augur-client.h"
#include "augur-compare.h"
#include "augur-concept.h"
#include "augur-config.h"
#include "augur-curl.h"
#include "augur-error.h"
#include "augur-evaluation.h"
#include "augur-export.h"
#include "augur-golden-set.h"
#include "augur-input.h"
#include "augur-input-scan.h"
#include "augur-journal.h"
#include "augur-model.h"
#include "augur-model-ref.h"
#include "augur-model-spec.h"
#include "augur-prediction.h"
#include "augur-prediction-json.h"
#include "augur-region.h"
#include "augur-request.h"
#include "augur-response.h"
#include "augur-result-cache.h"
#include "augur-run-recorder.h"
#include "augur-settings.h"
#include "augur-status.h"
#include "augur-word-diff.h"
#include "augur-worker.h"
