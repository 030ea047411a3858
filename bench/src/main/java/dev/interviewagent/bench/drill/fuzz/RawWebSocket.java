package dev.interviewagent.bench.drill.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/**
 * A bare RFC 6455 client on a blocking socket, so the fuzzer can send what no WebSocket library would: text frames
 * that are not UTF-8, any payload as one frame. Reads the server's frames one at a time, with a timeout. One thread
 * at a time.
 */
final class RawWebSocket implements AutoCloseable {

    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    /** One frame from the server: its opcode and payload ({@code text} for text frames). */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** For a close frame: its status code, or 1005 when it has none. */
        int closeCode() {
            return payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
        }
    }

    /** The server closed the connection (a close frame, or the socket ended). */
    static final class Closed extends IOException {
        final int code;

        Closed(int code) {
            super("closed " + code);
            this.code = code;
        }
    }

    private static final SecureRandom KEYS = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Random masks;

    private RawWebSocket(Socket socket, Random masks) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.masks = masks;
    }

    /** Opens a connection to {@code uri} ({@code ws://host:port/path}) from client address {@code forwardedFor}. */
    static RawWebSocket connect(URI uri, String forwardedFor, Random masks) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        byte[] nonce = new byte[16];
        KEYS.nextBytes(nonce);
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\n\r\n";
        RawWebSocket ws = new RawWebSocket(socket, masks);
        try {
            ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
            ws.out.flush();
            String status = ws.readHeaders();
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IOException("handshake refused: " + status);
            }
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return ws;
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("handshake cut off");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf('\r'));
    }

    void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code payload} as one frame of {@code opcode}, as it is (a text frame need not be UTF-8). */
    void send(int opcode, byte[] payload) throws IOException {
        int n = payload.length;
        ByteArrayOutputStream header = new ByteArrayOutputStream(14);
        header.write(0x80 | opcode);
        if (n < 126) {
            header.write(0x80 | n);
        } else if (n < 65_536) {
            header.write(0x80 | 126);
            header.write(n >>> 8);
            header.write(n);
        } else {
            header.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) ((long) n >>> shift));
            }
        }
        byte[] mask = new byte[4];
        masks.nextBytes(mask);
        header.write(mask, 0, 4);
        byte[] masked = new byte[n];
        for (int i = 0; i < n; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(header.toByteArray());
        out.write(masked);
        out.flush();
    }

    /**
     * The next text or binary frame within {@code timeoutMs}, or null when none came; answers the server's pings.
     *
     * @throws Closed when the server closed the connection
     */
    Frame next(long timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            Frame frame;
            try {
                frame = readFrame();
            } catch (SocketTimeoutException e) {
                return null;
            }
            switch (frame.opcode()) {
                case CLOSE -> throw new Closed(frame.closeCode());
                case PING -> send(PONG, frame.payload());
                case PONG -> { }
                default -> {
                    return frame;
                }
            }
        }
    }

    private Frame readFrame() throws IOException {
        ByteArrayOutputStream whole = null;
        int first = 0;
        while (true) {
            int b0 = readByte();
            // once the first byte is here the rest follows at once; a slow remainder is not a timeout of ours
            socket.setSoTimeout(10_000);
            int b1 = readByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = (long) readByte() << 8 | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = length << 8 | readByte();
                }
            }
            if (length > 8L << 20) {
                throw new IOException("a server frame of " + length + " bytes");
            }
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                throw new Closed(1006);
            }
            int opcode = b0 & 0x0f;
            boolean fin = (b0 & 0x80) != 0;
            if (opcode >= CLOSE) {
                return new Frame(opcode, payload);      // control frames may come between fragments
            }
            if (whole == null) {
                if (fin) {
                    return new Frame(opcode, payload);
                }
                whole = new ByteArrayOutputStream();
                first = opcode;
            }
            whole.write(payload);
            if (fin) {
                return new Frame(first, whole.toByteArray());
            }
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new Closed(1006);
        }
        return b;
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                try {
                    send(CLOSE, new byte[] {0x03, (byte) 0xe8});
                } catch (IOException e) {
                    // the server is gone already
                }
            }
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
