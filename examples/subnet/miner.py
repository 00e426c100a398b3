"""A miner of the example subnet: registers its hotkey, publishes its endpoint with `serve_axon`,
and answers the validators' signed requests over HTTP (`btauth/1`, `bittensor.http_auth`).

    python miner.py --coldkey //Bob --hotkey //Bob//miner --port 8091 --skill 1.0 [--netuid 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import bittensor as bt

from common import DEFAULT_URL, HOST, TASK_PATH, DevWallet, answer, ensure_registered, execute, log


def serve(hotkey: str, port: int, skill: float, who: str) -> ThreadingHTTPServer:
    """Answer `POST /square {"x": n}` with `{"y": answer}` for requests signed to this hotkey."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (the standard library's name)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                caller = bt.http_auth.verify(
                    dict(self.headers), body, method="POST", path=self.path, self_hotkey_ss58=hotkey
                )
            except bt.http_auth.AuthError as e:
                self.send_response(401)
                self.end_headers()
                self.wfile.write(str(e).encode())
                return
            if self.path != TASK_PATH:
                self.send_response(404)
                self.end_headers()
                return
            x = int(json.loads(body)["x"])
            reply = json.dumps({"y": answer(x, skill), "to": caller.hotkey_ss58}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer((HOST, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log(who, f"answering on http://{HOST}:{port}{TASK_PATH} with skill {skill}")
    return server


async def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default=DEFAULT_URL)
    p.add_argument("--netuid", type=int, default=1)
    p.add_argument("--coldkey", required=True, help="dev seed of the coldkey that pays the registration")
    p.add_argument("--hotkey", required=True, help="dev seed of the miner's hotkey")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--skill", type=float, default=1.0, help="share of tasks answered right, 0 to 1")
    p.add_argument("--seconds", type=float, default=0, help="stop after this long (0: never)")
    a = p.parse_args()
    who = f"miner {a.hotkey}"
    wallet = DevWallet(a.coldkey, a.hotkey)
    server = serve(wallet.hotkey.ss58_address, a.port, a.skill, who)
    async with bt.Subtensor(a.url) as client:
        uid = await ensure_registered(client, wallet, a.netuid, who)
        await execute(client, bt.intents.ServeAxon(netuid=a.netuid, ip=HOST, port=a.port), wallet, who)
        log(who, f"uid {uid} on subnet {a.netuid}, endpoint published")
    print(json.dumps({"ready": a.hotkey, "uid": uid}), flush=True)
    if a.seconds > 0:
        await asyncio.sleep(a.seconds)
    else:
        await asyncio.Event().wait()
    server.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
