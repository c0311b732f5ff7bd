#!/usr/bin/python3
"""End to end: launch the built augur against a local fake server through the CLARIFAI_*
environment variables and drive it through the accessibility tree, as a person would:
find controls by their accessible names, click, read the results.

Env: AUGUR (the binary), BENCH_SERVER (augur-bench-server), GSETTINGS_SCHEMA_DIR."""
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import pyatspi

TOKEN = "test-pat-0123456789abcdef"


def write_png(path, width=64, height=48):
    raw = b"".join(b"\x00" + bytes([40, 120, 200]) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw)))
        f.write(chunk(b"IEND", b""))


def wait_for(fn, timeout=20.0, step=0.2):
    end = time.time() + timeout
    while time.time() < end:
        try:
            result = fn()
        except Exception:  # the tree changes under us while the app builds it
            result = None
        if result:
            return result
        time.sleep(step)
    return None


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name in ("augur", "Augur", "io.github.augur.Augur"):
            return app
    return None


def find(root, predicate):
    return pyatspi.utils.findDescendant(root, lambda a: a is not None and predicate(a))


def find_all(root, predicate):
    return pyatspi.utils.findAllDescendants(root, lambda a: a is not None and predicate(a))


def click(accessible):
    action = accessible.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("click") if "click" in names else 0)


def main():
    server = subprocess.Popen([os.environ["BENCH_SERVER"], "--model", "classifier", "--delay-ms", "0"],
                              stdout=subprocess.PIPE, text=True)
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

        # GTK 4.8 names a button with a mnemonic from both its label and its text
        # ("_Predict Predict"), so the button is found by the label a person reads.
        predict = wait_for(lambda: find(app, lambda a: a.getRoleName() == "push button" and
                                        any(c is not None and c.name == "Predict" for c in a)))
        if not predict:
            sys.exit("FAIL: no button named Predict")
        # The model loads in the background; Predict is enabled once it has.
        wait_for(lambda: predict.getState().contains(pyatspi.STATE_SENSITIVE))
        click(predict)

        rows = wait_for(lambda: find_all(app, lambda a: a.name.endswith(" percent")), 30)
        if not rows:
            failures.append("no result rows read as 'name, N percent'")
        else:
            print(f"results: {[r.name for r in rows[:5]]}")
            if len(rows) != 20:
                failures.append(f"expected 20 concept rows (server default), got {len(rows)}")

        # Keyboard-reachable controls carry names a screen reader can say.
        for name in ("Model", "Version", "Main Menu", "Add Images"):
            if not find(app, lambda a, n=name: a.name == n):
                failures.append(f"no control named {name!r}")
    finally:
        app_proc.terminate()
        app_proc.wait(10)
        server.terminate()
        server.wait(10)

    if failures:
        sys.exit("FAIL: " + "; ".join(failures))
    print("ok: predicted through the accessibility tree")


if __name__ == "__main__":
    main()
