package org.saferpartnerships.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A body past the server's limit, sent over a plain socket so the answer is read as soon as the
 * server gives it: a server that refuses a body stops reading and closes, which an ordinary
 * client, still sending, reports as a broken connection instead of the answer.
 */
final class OversizeBody {

    /** What the server answered: its status and Content-Type. */
    record Answer(int status, String contentType) {
    }

    private OversizeBody() {
    }

    /** @param contentType null for none; @param chunked without a Content-Length, in 64 KiB chunks */
    static Answer post(String url, String token, String contentType, boolean chunked, long bytes) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + ":" + uri.getPort() + "\r\nAuthorization: Bearer " + token + "\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n").append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // An object that never ends: well-formed as far as it goes, so the server reads on until its limit.
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '{';
            for (long sent = 0; sent < bytes && in.available() == 0; sent += chunk.length) {
                try {
                    if (chunked) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    chunk[0] = ' ';
                } catch (IOException closed) {
                    break;
                }
            }
            if (chunked && in.available() == 0) {
                try {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    // The server stopped reading: its answer is waiting.
                }
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + url, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && head.indexOf("\r\n\r\n") < 0) {
            head.append((char) b);
        }
        String[] lines = head.toString().split("\r\n");
        int status = lines.length > 0 && lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
        String type = Arrays.stream(lines).filter(l -> l.toLowerCase().startsWith("content-type:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        return new Answer(status, type);
    }
}
