/* augur-core-types.h: forward declarations for the GTK-free core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AugurBatch        AugurBatch;
typedef struct _AugurClient       AugurClient;
typedef struct _AugurConcept      AugurConcept;
typedef struct _AugurConfig       AugurConfig;
typedef struct _AugurInput        AugurInput;
typedef struct _AugurModel        AugurModel;
typedef struct _AugurModelRef     AugurModelRef;
typedef struct _AugurModelSpec    AugurModelSpec;
typedef struct _AugurModelVersion AugurModelVersion;
typedef struct _AugurParamSpec    AugurParamSpec;
typedef struct _AugurPayload      AugurPayload;
typedef struct _AugurPrediction   AugurPrediction;
typedef struct _AugurRegion       AugurRegion;
typedef struct _AugurSettings     AugurSettings;
typedef struct _AugurStatus       AugurStatus;

G_END_DECLS
