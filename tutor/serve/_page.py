"""The page a browser opens: textual-serve's page, with nothing fetched from anywhere else.

textual-serve's own template (`app_index.html`, MIT, Textualize) asks Google Fonts for
Roboto Mono; this one declares that face from the copy textual-serve ships in its static
folder, so the page makes no request outside the served host (its Content-Security-Policy,
set by `tutor.serve._server`, says the same to the browser). It also:

- finds its WebSocket from the page's own address, so the tutor works under whatever name
  the browser used (127.0.0.1, localhost, a proxy's https name);
- waits for the font before textual.js measures a cell (a terminal measured with a fallback
  font draws its glyphs misplaced);
- shows the terminal with its first frame, without textual-serve's 0.3 s fade;
- has no inline event handlers, so its one script runs under a nonce.
"""

from __future__ import annotations

from string import Template

PAGE = Template("""\
<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="referrer" content="no-referrer" />
    <title>$title</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/static/css/xterm.css" />
    <link rel="preload" href="/static/fonts/RobotoMono-VariableFont_wght.ttf" as="font" type="font/ttf" crossorigin />
    <script src="/static/js/textual.js"></script>
    <style>
      @font-face {
        font-family: "Roboto Mono";
        font-style: normal;
        font-weight: 100 700;
        src: url("/static/fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
      }
      @font-face {
        font-family: "Roboto Mono";
        font-style: italic;
        font-weight: 100 700;
        src: url("/static/fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
      }
      html, body { margin: 0; height: 100%; }
      body { background: #0c181f; font-family: "Roboto Mono", monospace; }
      .textual-terminal { position: absolute; inset: 0; }
      .dialog-container {
        position: absolute; width: 100vw; height: 100vh; display: flex;
        align-items: center; justify-content: center; z-index: 10;
      }
      .shade {
        position: absolute; width: 100%; height: 100%; background: #0c181f;
        background-image: url("/static/images/background.png");
      }
      .intro {
        width: 640px; height: 240px; font-size: 16px; z-index: 20; text-align: center;
        color: rgba(255, 255, 255, 0.95); background-color: #12232d; display: flex;
        flex-direction: column; align-items: center; justify-content: center; margin: 32px;
      }
      /* The terminal shows with its first frame (no fade: it would hide that frame 0.3 s longer). */
      body.-first-byte .intro-dialog { display: none; }
      body .textual-terminal { visibility: hidden; }
      body.-first-byte .textual-terminal { visibility: visible; }
      button {
        padding: 16px 32px; background-color: #5e0ba7; color: rgba(255, 255, 255, 0.95);
        border: none; font-family: "Roboto Mono", monospace; margin: 16px; display: block;
      }
      button:hover { background: #ac5af4; cursor: pointer; }
      .closed-dialog { display: none; }
      body.-closed .closed-dialog { display: flex; }
      #start { display: none; }
      #start.-delay { display: block; }
    </style>
  </head>
  <body>
    <div class="dialog-container intro-dialog">
      <div class="shade"></div>
      <div class="intro">
        <div>$title</div>
        <button type="button" id="start">Start</button>
      </div>
    </div>
    <div class="dialog-container closed-dialog">
      <div class="shade"></div>
      <div class="intro">
        <div class="message">Session ended.</div>
        <button type="button" id="restart">Open the tutor again</button>
      </div>
    </div>
    <div id="terminal" class="textual-terminal" data-font-size="$font_size"></div>
    <script nonce="$nonce">
      (function () {
        const terminal = document.getElementById("terminal");
        const socket = new URL("ws", window.location.href);
        socket.protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
        socket.search = "";
        socket.hash = "";
        terminal.dataset.sessionWebsocketUrl = socket.href;
        function reopen() {
          const url = new URL(window.location.href);
          url.searchParams.delete("delay");
          window.location.assign(url.href);
        }
        document.getElementById("start").addEventListener("click", reopen);
        document.getElementById("restart").addEventListener("click", reopen);
        // textual.js measures a cell when the page has loaded: have the font by then.
        const start = window.onload;
        window.onload = function (event) {
          const size = terminal.dataset.fontSize + "px";
          const faces = [size + ' "Roboto Mono"', "bold " + size + ' "Roboto Mono"'];
          Promise.all(faces.map((face) => document.fonts.load(face)))
            .catch(() => null)
            .then(() => start && start.call(window, event));
        };
      })();
    </script>
  </body>
</html>
""")


def render(*, title: str, font_size: int, nonce: str) -> str:
    """The page, for a terminal font of `font_size` pixels; `nonce` lets its one script run."""
    from html import escape

    return PAGE.substitute(title=escape(title), font_size=int(font_size), nonce=escape(nonce))
