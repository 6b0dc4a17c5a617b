# SPDX-License-Identifier: GPL-3.0-or-later
# tests/jget-server.py IN OUT: answers tests/cli-lib.sh's jget. Each request is written to the
# FIFO IN as JSON, a NUL, a Python expression, a NUL, then the caller's TZ ("=" and its value,
# or nothing when TZ is unset), a NUL (the writer then closes it); the answer is
# written to the FIFO OUT: "0" and what `print (v)` printed for the expression's value v (a
# string as it is, anything else as json.dumps), or "1" and nothing when it failed (Python's
# traceback on stderr), then a NUL. Each expression is evaluated as the former
# `python3 -c 'import json,sys; d=json.loads(sys.argv[1]); v=eval(sys.argv[2]); …'` did: with
# json, sys and d, and nothing kept from one request to the next.
import json
import os
import sys
import threading
import time
import traceback

path_in, path_out = sys.argv[1], sys.argv[2]
parent = os.getppid()


def watch_parent():
    # The script gone (killed, its trap not run): so is this.
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


threading.Thread(target=watch_parent, daemon=True).start()


def decode(raw):
    # As sys.argv decodes the arguments (UTF-8, undecodable bytes kept as surrogates).
    return raw.decode('utf-8', 'surrogateescape')


while True:
    with open(path_in, 'rb') as f:
        data = f.read()
    parts = data.split(b'\0')
    status, text = b'1', b''
    if len(parts) >= 3:
        # The local time as the caller's (a python3 started by it had its environment).
        zone = decode(parts[2])
        if zone.startswith('='):
            os.environ['TZ'] = zone[1:]
        else:
            os.environ.pop('TZ', None)
        time.tzset()
        try:
            d = json.loads(decode(parts[0]))
            v = eval(decode(parts[1]), {'json': json, 'sys': sys, 'd': d})
            out = (json.dumps(v) if not isinstance(v, str) else v) + '\n'
            status, text = b'0', out.encode('utf-8', 'surrogateescape')
        except Exception:
            traceback.print_exc()
    with open(path_out, 'wb') as f:
        f.write(status + text + b'\0')
