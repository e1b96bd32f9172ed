// The ceiling: a bare Node HTTP server answering a small HTML page.
import http from "node:http";
const body = "<!doctype html><html lang=vi><title>ok</title><p>ok</p></html>";
http
  .createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  })
  .listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
