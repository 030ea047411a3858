package dev.interviewagent.bench.drill.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP/1.1 server on a loopback port, one request per connection ({@code Connection: close}), written
 * for fault injection: unlike a regular server it lets a handler cut a response in the middle (a stream that stops
 * without its last chunk, a body shorter than its length) or hold a request past the client's timeout. Each
 * connection has its own thread, so hanging requests do not hold up others.
 */
public final class RawHttpServer implements AutoCloseable {

    /** One request, read whole: {@code path} without the query, {@code target} as sent (with it). */
    public record Request(String method, String path, String target, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Answers one request on the raw connection; closing it is the server's job. */
    public interface Handler {
        void handle(Request request, Response response) throws IOException;
    }

    /** The response side of a connection: whole responses, chunked streams, or a cut. */
    public static final class Response {
        private final OutputStream out;
        private boolean chunked;

        Response(OutputStream out) {
            this.out = out;
        }

        /** A whole response with a body of the given type. */
        public void send(int status, String contentType, byte[] body, Map<String, String> headers)
                throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                    .append("\r\nContent-Type: ").append(contentType).append("\r\nContent-Length: ")
                    .append(body.length).append("\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }

        /** Headers that promise {@code declaredLength} bytes, then only {@code body}: the connection is then cut. */
        public void sendShort(int status, String contentType, byte[] body, int declaredLength) throws IOException {
            String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }

        /** Starts a chunked {@code 200} response of the given type (e.g. {@code text/event-stream}). */
        public void startStream(String contentType) throws IOException {
            String head = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            chunked = true;
        }

        /** One chunk of the stream. */
        public void chunk(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Ends the stream properly (the last, empty chunk). */
        public void endStream() throws IOException {
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                chunked = false;
            }
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 503 -> "Service Unavailable";
                default -> "Status";
            };
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http");
        t.setDaemon(true);
        return t;
    });
    private final Handler handler;
    private volatile boolean closed;

    public RawHttpServer(Handler handler) {
        this.handler = handler;
        try {
            server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("raw http: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            Request request = read(socket.getInputStream());
            if (request != null) {
                handler.handle(request, new Response(socket.getOutputStream()));
            }
        } catch (SocketException e) {
            // the client gave up (its timeout), or the handler cut the connection on purpose
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("raw http: " + e);
            }
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                if (size == 0) {
                    line(in);
                    break;
                }
                all.write(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(length);
        }
        String path = parts.length > 1 ? parts[1] : "/";
        int query = path.indexOf('?');
        return new Request(parts[0], query < 0 ? path : path.substring(0, query), path, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
