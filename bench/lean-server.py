#!/usr/bin/env python3
# bench/lean-server.py: a second fake server for run-bench.sh (SERVER=lean), to tell the CLI's
# own costs from the fake server's. Unlike the test server it does not echo each input's base64
# back (the real API answers an image with a short marker, not the image), and it serves every
# request on its own thread. Usage: lean-server.py DELAY_MS; prints its base URL.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DELAY = float(sys.argv[1]) / 1000.0 if len(sys.argv) > 1 else 0.1
OK = {"code": 10000, "description": "Ok"}
CONCEPTS = [{"id": "id-%02d" % k, "name": "concept-%02d" % k, "value": round(1 - k / 30, 4)}
            for k in range(20)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, obj):
        body = json.dumps(obj).encode()
        time.sleep(DELAY)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.reply({"status": OK, "model": {"id": "general-image-recognition",
                                            "user_id": "clarifai", "app_id": "main",
                                            "model_type_id": "visual-classifier",
                                            "model_version": {"id": "v1"}}})

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        request = json.loads(self.rfile.read(length))
        outputs = [{"id": "o%d" % i, "status": OK,
                    "input": {"id": item.get("id"), "data": {"image": {"base64": "dHJ1ZQ=="}}},
                    "data": {"concepts": CONCEPTS}}
                   for i, item in enumerate(request["inputs"])]
        self.reply({"status": OK, "outputs": outputs})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("http://127.0.0.1:%d" % server.server_address[1], flush=True)
server.serve_forever()
