package io.ikescope.cli.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The browser sessions of one server: a random 256-bit token (the session cookie) names each one's workspace, so a
 * session's files are reachable only with its own cookie. At most {@code maxSessions} at once; one unused for
 * {@code sessionIdle} is deleted with its files.
 */
final class Sessions implements AutoCloseable {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Workspace> byToken = new HashMap<>();
    private final Path root;
    private final ServeLimits limits;
    private final ChildCli cli;
    private int next = 1;

    Sessions(Path root, ServeLimits limits, ChildCli cli) {
        this.root = root;
        this.limits = limits;
        this.cli = cli;
    }

    /** The workspace of {@code token}, or null when there is none (unknown, expired, or no cookie). */
    synchronized Workspace find(String token) {
        Workspace w = token == null ? null : byToken.get(token);
        if (w != null) {
            w.touch();
        }
        return w;
    }

    /** A new session's token, or null when the server holds its maximum of sessions already. */
    synchronized String create() throws IOException {
        expire();
        if (byToken.size() >= limits.maxSessions()) {
            return null;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // the directory is numbered, not named by the token: the token is a secret, file names are not
        Workspace w = new Workspace(Files.createDirectory(root.resolve("session-" + next++)), limits, cli);
        byToken.put(token, w);
        return token;
    }

    /** Deletes the sessions unused for longer than the limit. */
    void expire() throws IOException {
        List<Workspace> old = new ArrayList<>();
        synchronized (this) {
            byToken.values().removeIf(w -> {
                boolean idle = w.idleNanos() > limits.sessionIdle().toNanos();
                if (idle) {
                    old.add(w);
                }
                return idle;
            });
        }
        for (Workspace w : old) {
            w.close();
        }
    }

    @Override
    public void close() throws IOException {
        List<Workspace> all;
        synchronized (this) {
            all = new ArrayList<>(byToken.values());
            byToken.clear();
        }
        for (Workspace w : all) {
            w.close();
        }
    }
}
