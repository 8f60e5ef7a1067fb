package io.ikescope.cli.serve;

import io.ikescope.capture.CaptureException;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * One browser session's files: its uploads (captures and key files in {@code uploads/}, each peer's configuration
 * in {@code uploads/peer-a|peer-b/}) and its analyses beside them. Only the session's own token reaches it.
 */
final class Workspace {
    /** An uploaded file: {@code name} is the stored name, relative to the uploads directory's kind folder. */
    record Upload(int id, String name, UploadKind kind, long size) {
        String relativePath() {
            return kind.folder().isEmpty() ? name : kind.folder() + "/" + name;
        }
    }

    /** Why an upload was refused, in words for the user; {@code status} the HTTP status to answer with. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final Path dir;
    private final Path uploads;
    private final ServeLimits limits;
    private final ChildCli cli;
    private final List<Upload> files = new ArrayList<>();
    private int nextId = 1;
    private int nextAnalysis = 1;
    private long bytes;
    private Analysis analysis;
    private volatile long lastUsedNanos = System.nanoTime();

    Workspace(Path dir, ServeLimits limits, ChildCli cli) throws IOException {
        this.dir = dir;
        this.uploads = Files.createDirectories(dir.resolve("uploads"));
        this.limits = limits;
        this.cli = cli;
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    synchronized List<Upload> files() {
        return List.copyOf(files);
    }

    synchronized Analysis analysis() {
        return analysis;
    }

    /**
     * Stores {@code body} as a new upload. {@code declared} is the request's Content-Length (-1 if none): a body
     * over the limits is refused before it is read; one that grows past them while read is deleted.
     */
    Upload add(String sentName, UploadKind kind, long declared, InputStream body) throws IOException, Refused {
        String base = FileNames.safe(sentName);
        long room;
        Path target;
        Upload pending;
        long reserved;
        synchronized (this) {
            if (files.size() >= limits.maxFiles()) {
                throw new Refused(413, "this session already holds " + files.size() + " files, the most this server"
                        + " keeps per session; remove one first");
            }
            if (declared > limits.maxUpload()) {
                throw new Refused(413, tooLarge(base, declared));
            }
            room = Math.min(limits.maxUpload(), limits.maxSession() - bytes);
            if (declared > room) {
                throw new Refused(413, sessionFull(base));
            }
            String name = base;
            for (int n = 2; taken(kind, name); n++) {
                name = FileNames.variant(base, n);
            }
            Path folder = Files.createDirectories(kind.folder().isEmpty() ? uploads : uploads.resolve(kind.folder()));
            target = folder.resolve(name);
            // counted now, so that parallel uploads of one session cannot pass the session limit together
            reserved = declared >= 0 ? declared : room;
            bytes += reserved;
            pending = new Upload(nextId++, name, kind, -1);
            files.add(pending);
        }
        long written = 0;
        boolean ok = false;
        try {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
                    written += n;
                    if (written > room) {
                        throw new Refused(413, written > limits.maxUpload() ? tooLarge(base, -1) : sessionFull(base));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (kind == UploadKind.CAPTURE) {
                refuseNonCapture(target, pending.name());
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(target);
            }
            synchronized (this) {
                bytes -= reserved;
                files.remove(pending);
            }
        }
        Upload done = new Upload(pending.id(), pending.name(), kind, written);
        synchronized (this) {
            bytes += written;
            files.add(done);
            files.sort((x, y) -> Integer.compare(x.id(), y.id()));
        }
        return done;
    }

    private boolean taken(UploadKind kind, String name) {
        for (Upload u : files) {
            if (u.name().equals(name) && u.kind().folder().equals(kind.folder())) {
                return true;
            }
        }
        return false;
    }

    private String tooLarge(String name, long size) {
        return name + (size > 0 ? " (" + ByteSize.format(size) + ")" : "") + " is larger than the "
                + ByteSize.format(limits.maxUpload()) + " this server accepts per file (serve --max-upload)";
    }

    private String sessionFull(String name) {
        return name + " does not fit: this session's files may take " + ByteSize.format(limits.maxSession())
                + " in all (serve --max-session); remove some first";
    }

    /** A capture must open as one (pcap or pcapng, perhaps gzip-compressed): refused here, not at diagnosis. */
    private static void refuseNonCapture(Path file, String name) throws IOException, Refused {
        try (CaptureReader reader = Captures.open(file)) {
            reader.format();
        } catch (CaptureException e) {
            throw new Refused(415, e.getMessage().replace(file.toString(), name)
                    + " (key files and configurations have their own buttons)");
        }
    }

    synchronized boolean remove(int id) throws IOException {
        for (Upload u : files) {
            if (u.id() == id && u.size() >= 0) {
                files.remove(u);
                bytes -= u.size();
                Files.deleteIfExists(uploads.resolve(u.relativePath()));
                return true;
            }
        }
        return false;
    }

    /** Starts a diagnosis of the current files on {@code executor}, cancelling the one before; null without a capture. */
    synchronized Analysis analyse(ExecutorService executor) {
        List<String> captures = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        java.util.Map<String, List<String>> configFiles = new java.util.LinkedHashMap<>();
        long captureBytes = 0;
        for (Upload u : files) {
            if (u.size() < 0) {
                continue;
            }
            switch (u.kind()) {
                case CAPTURE -> {
                    captures.add(u.relativePath());
                    captureBytes += u.size();
                }
                case KEYS -> keys.add(u.relativePath());
                case CONFIG_A, CONFIG_B -> configFiles.computeIfAbsent(u.kind().folder(), f -> new ArrayList<>())
                        .add(u.relativePath());
            }
        }
        if (captures.isEmpty()) {
            return null;
        }
        List<String> configs = new ArrayList<>();
        configFiles.forEach((folder, names) -> configs.add(peerConfiguration(folder, names)));
        if (analysis != null) {
            analysis.cancel();
        }
        int id = nextAnalysis++;
        analysis = new Analysis(id, cli, uploads, dir.resolve("analysis-" + id), new Analysis.Inputs(captures, keys,
                configs, captureBytes));
        Analysis started = analysis;
        executor.execute(started::run);
        return started;
    }

    /**
     * What {@code --config} names for one peer: its one configuration file (the secrets file beside it is found
     * there, as ipsec.conf's ipsec.secrets), or its folder when it holds several (swanctl.conf with conf.d files).
     */
    private static String peerConfiguration(String folder, List<String> names) {
        List<String> main = names.stream().filter(n -> !n.endsWith(".secrets")).toList();
        return main.size() == 1 ? main.get(0) : folder;
    }

    /** Stops what runs and deletes every file of the session. */
    void close() throws IOException {
        Analysis a;
        synchronized (this) {
            a = analysis;
            files.clear();
        }
        if (a != null) {
            a.cancel();
        }
        DirectoryTrees.delete(dir);
    }
}
