package io.ikescope.check;

import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.PeerConfig;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support: turns the lab's scenario configurations (lab/scenarios/NAME) into the model with
 * {@link ModelBuilder}, reading only the few keywords those files use (a stand-in until the real readers land,
 * so that the simulation's tests run on the very configurations the daemons ran).
 */
final class LabConfigs {
    private static final Pattern KEY = Pattern.compile("^\\s*([a-z_-]+)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern OPEN = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*\\{\\s*$");
    private static final Pattern SECRET = Pattern.compile("^(\\S+)\\s+(\\S+)\\s*:\\s*PSK\\s+\"(.*)\"\\s*$");

    private LabConfigs() {
    }

    static Path scenario(String name) {
        return TestPaths.repositoryRoot().resolve("lab/scenarios").resolve(name);
    }

    /** The initiator's (A) or responder's (B) configuration of a scenario, whichever format it is in. */
    static PeerConfig peer(String scenario, String role) throws IOException {
        return peer(scenario(scenario), role);
    }

    /** ROLE.swanctl.conf, or ROLE.ipsec.conf with ROLE.ipsec.secrets, in a scenario's (or a matrix run's) directory. */
    static PeerConfig peer(Path dir, String role) throws IOException {
        Path swanctl = dir.resolve(role + ".swanctl.conf");
        if (Files.exists(swanctl)) {
            return swanctl(swanctl);
        }
        try {
            return ConfigFormats.standard().read(dir.resolve(role + ".ipsec.conf"),
                    dir.resolve(role + ".ipsec.secrets"));
        } catch (io.ikescope.config.ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static PeerConfig swanctl(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file);
        List<ModelBuilder.Conn> conns = new ArrayList<>();
        List<String> path = new ArrayList<>();
        ModelBuilder.Conn conn = null;
        ModelBuilder.Child child = null;
        String[] auth = new String[2];
        int[] authLine = new int[2];
        String[] id = new String[2];
        int[] idLine = new int[2];
        String idI = null;
        String idR = null;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            Matcher open = OPEN.matcher(line);
            Matcher key = KEY.matcher(line);
            if (open.matches()) {
                path.add(open.group(1));
                if (path.size() == 2 && path.get(0).equals("connections")) {
                    conn = ModelBuilder.conn(open.group(1), name);
                    conns.add(conn);
                } else if (path.size() == 4 && path.get(2).equals("children")) {
                    child = ModelBuilder.child(open.group(1), n);
                }
            } else if (line.trim().equals("}")) {
                if (path.size() == 4 && child != null) {
                    conn.child(child);
                    child = null;
                } else if (path.size() == 2 && conn != null) {
                    conn.auth(auth[0], authLine[0], auth[1], authLine[1]).ids(id[0], idLine[0], id[1], idLine[1]);
                }
                path.remove(path.size() - 1);
            } else if (key.matches()) {
                String k = key.group(1);
                String v = key.group(2);
                String section = path.get(path.size() - 1);
                if (child != null) {
                    switch (k) {
                        case "local_ts" -> child.local = v;
                        case "remote_ts" -> child.remote = v;
                        case "esp_proposals" -> child.esp(v, n);
                        default -> { }
                    }
                    if (k.equals("local_ts")) {
                        child.localLine = n;
                    } else if (k.equals("remote_ts")) {
                        child.remoteLine = n;
                    }
                } else if (path.get(0).equals("secrets")) {
                    if (k.equals("id-i")) {
                        idI = v;
                    } else if (k.equals("id-r")) {
                        idR = v;
                    } else if (k.equals("secret")) {
                        String secret = v.replaceAll("^\"|\"$", "");
                        for (ModelBuilder.Conn c : conns) {
                            if (List.of(idI, idR).contains(c.localId.value())
                                    && List.of(idI, idR).contains(c.remoteId.value())) {
                                c.psk(secret, name, n);
                            }
                        }
                    }
                } else if (section.equals("local") || section.equals("remote")) {
                    int i = section.equals("local") ? 0 : 1;
                    if (k.equals("auth")) {
                        auth[i] = v.toUpperCase();
                        authLine[i] = n;
                    } else if (k.equals("id")) {
                        id[i] = v;
                        idLine[i] = n;
                    }
                } else if (conn != null) {
                    switch (k) {
                        case "version" -> conn.version(Integer.parseInt(v), n);
                        case "remote_addrs" -> conn.remote(v, n);
                        case "local_addrs" -> conn.local(v, n);
                        case "proposals" -> conn.proposals(v, n);
                        case "aggressive" -> conn.aggressive(v.equals("yes"), n);
                        default -> { }
                    }
                }
            }
        }
        return ModelBuilder.peer(Implementation.STRONGSWAN, name,
                conns.stream().map(ModelBuilder.Conn::build).toArray(ConnectionConfig[]::new));
    }

    /** A libreswan ipsec.conf of the lab (one conn, "left" is this end) and its ipsec.secrets. */
    static PeerConfig libreswan(Path file, Path secrets) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file);
        ModelBuilder.Conn conn = null;
        ModelBuilder.Child child = null;
        String leftId = null;
        int leftIdLine = 0;
        String rightId = null;
        int rightIdLine = 0;
        int authLine = 0;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.startsWith("conn ")) {
                conn = ModelBuilder.conn(line.substring(5).trim(), name).implementation(Implementation.LIBRESWAN)
                        .lifetimes(28800L - 540, 28800L, n);
                child = ModelBuilder.child(conn.name, n).lifetimes(28800L - 540, 28800L, n);
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (conn == null || !key.matches()) {
                continue;
            }
            String v = key.group(2);
            switch (key.group(1)) {
                case "authby" -> authLine = n;
                case "left" -> conn.local(v, n);
                case "right" -> conn.remote(v, n);
                case "leftid" -> {
                    leftId = v;
                    leftIdLine = n;
                }
                case "rightid" -> {
                    rightId = v;
                    rightIdLine = n;
                }
                case "leftsubnet" -> {
                    child.local = v;
                    child.localLine = n;
                }
                case "rightsubnet" -> {
                    child.remote = v;
                    child.remoteLine = n;
                }
                case "ike" -> conn.proposals(v, n);
                case "esp" -> child.esp(v, n);
                case "ikev2" -> conn.version(v.equals("no") ? 1 : 2, n);
                case "aggressive" -> conn.aggressive(v.equals("yes"), n);
                default -> { }
            }
        }
        conn.auth("PSK", authLine, "PSK", authLine).ids(leftId, leftIdLine, rightId, rightIdLine).child(child);
        if (!conn.aggressive.isSet() || conn.aggressive.origin().isDefault()) {
            conn.aggressive = io.ikescope.config.Setting.byDefault(false, "libreswan default aggressive=no");
        }
        List<String> secretLines = Files.readAllLines(secrets);
        for (int n = 1; n <= secretLines.size(); n++) {
            Matcher m = SECRET.matcher(secretLines.get(n - 1).trim());
            if (m.matches()) {
                conn.psk(m.group(3), secrets.getFileName().toString(), n);
            }
        }
        return ModelBuilder.peer(Implementation.LIBRESWAN, name, conn.build());
    }
}
