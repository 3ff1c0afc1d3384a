import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { type ApiError, ErrorCode } from "@shared/errors";

/**
 * Node answers a request it cannot parse (malformed HTTP, or an address and headers over its
 * 16 KB limit) itself, before Express sees it, with a bare status line and no body. Answer those
 * in the API's own shape, JSON with a code, like every other error.
 */
export function answerClientErrors(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that has gone, or a socket already answered, gets nothing more.
    if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const body: ApiError = tooLarge
      ? {
          code: ErrorCode.PayloadTooLarge,
          message: "The request's address and headers are larger than 16 KB. Send a shorter address, or fewer or shorter headers.",
        }
      : { code: ErrorCode.ValidationError, message: "The request is not valid HTTP." };
    const json = JSON.stringify(body);
    const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
