#!/usr/bin/python3
"""End to end, Compare mode: the built augur against a fake server whose older version
answers differently, driven through the accessibility tree: turn Compare on, predict, and
read the aligned rows of both versions as a screen reader would.

Env: AUGUR (the binary), BENCH_SERVER (augur-bench-server), GSETTINGS_SCHEMA_DIR."""
import os
import subprocess
import sys
import tempfile

import pyatspi

from e2e_predict import TOKEN, click, find, find_all, find_app, wait_for, write_png


def main():
    server = subprocess.Popen([os.environ["BENCH_SERVER"], "--model", "classifier", "--delay-ms", "0",
                               "--versions-differ"], stdout=subprocess.PIPE, text=True)
    base_url = server.stdout.readline().strip()
    if not base_url.startswith("http"):
        sys.exit(f"FAIL: the fake server did not start ({base_url!r})")

    tmp = tempfile.mkdtemp()
    image = os.path.join(tmp, "street.png")
    write_png(image)
    env = dict(os.environ, CLARIFAI_PAT=TOKEN, CLARIFAI_API_BASE=base_url, GSETTINGS_BACKEND="memory")
    env.pop("GTK_A11Y", None)
    app_proc = subprocess.Popen([os.environ["AUGUR"], "clarifai/main/general-image-recognition", image], env=env)
    failures = []
    try:
        app = wait_for(find_app, 30)
        if not app:
            sys.exit("FAIL: augur is not on the accessibility bus")

        predict = wait_for(lambda: find(app, lambda a: a.getRoleName() == "push button" and
                                        any(c is not None and c.name == "Predict" for c in a)))
        if not predict:
            sys.exit("FAIL: no button named Predict")
        wait_for(lambda: predict.getState().contains(pyatspi.STATE_SENSITIVE))

        # GTK 4.8 gives toggle buttons the push button role (with a "pressed" state).
        compare = wait_for(lambda: find(app, lambda a: a.getRoleName() in ("toggle button", "push button")
                                        and a.name == "Compare"))
        if not compare:
            buttons = find_all(app, lambda a: a.getRoleName() in ("toggle button", "push button"))
            sys.exit(f"FAIL: no toggle button named Compare (buttons: {[(b.getRoleName(), b.name) for b in buttons]})")
        click(compare)

        # Column B's version list loads from the server; the drop-down is usable once it has.
        version_b = wait_for(lambda: find(app, lambda a: a.name == "Version of column B"))
        if not version_b:
            sys.exit("FAIL: no control named 'Version of column B'")
        wait_for(lambda: version_b.getState().contains(pyatspi.STATE_SENSITIVE))
        for name in ("Model of column A", "Model of column B", "Version of column A"):
            if not find(app, lambda a, n=name: a.name == n):
                failures.append(f"no control named {name!r}")
        click(predict)

        # One input, two versions: rows read "concept-16: A · Latest 95 percent, B · … 92 percent, …"
        # Columns fill in as they answer: wait until no row waits for one. (The table's rows
        # read "street.png: A · Latest concept-18, 96 percent; …": rows of concepts start with one.)
        def answered_rows():
            found = find_all(app, lambda a: a.name.startswith("concept-") and " percent" in a.name
                             and "A · Latest" in a.name and "B · " in a.name)
            return found if found and not any(" waiting" in r.name for r in found) else None

        rows = wait_for(answered_rows, 30)
        if not rows:
            failures.append("no comparison rows read as 'concept: A … percent, B … percent'")
        else:
            print(f"rows: {[r.name for r in rows[:3]]}")
            if not any("top-1 in A" in r.name for r in rows):
                failures.append("no row says which concept is A's top-1")
            if not any("only in B" in r.name for r in rows):
                failures.append("no row marks the concept only the older version lists")
            if not any("points lower in B" in r.name for r in rows):
                failures.append("no row reads the older version's lower value as a delta")
        if not wait_for(lambda: find(app, lambda a: a.name.startswith("Top-1 agreement")), 10):
            failures.append("no summary line 'Top-1 agreement …'")
    finally:
        app_proc.terminate()
        app_proc.wait(10)
        server.terminate()
        server.wait(10)

    if failures:
        sys.exit("FAIL: " + "; ".join(failures))
    print("ok: compared two versions through the accessibility tree")


if __name__ == "__main__":
    main()
