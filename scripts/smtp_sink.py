"""A real SMTP server for tests (aiosmtpd): accepts every message on 127.0.0.1:PORT and writes
each one to DIR as NNNNNN.eml (written to a temporary name first, so readers never see half a
message). Prints "ready" once it accepts connections.

    python3 scripts/smtp_sink.py PORT DIR
"""

import os
import sys
import threading

from aiosmtpd.controller import Controller

port, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
lock = threading.Lock()


class Sink:
    async def handle_DATA(self, server, session, envelope):
        with lock:
            n = len([f for f in os.listdir(out) if f.endswith(".eml")])
            tmp = os.path.join(out, f"{n:06}.tmp")
            with open(tmp, "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.rename(tmp, os.path.join(out, f"{n:06}.eml"))
        return "250 Message accepted"


controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
threading.Event().wait()
