package io.ikescope.config.fortios;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigFiles;
import io.ikescope.config.ConfigReader;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PeerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads FortiOS IPsec configuration: {@code show vpn ipsec phase1-interface} / {@code phase2-interface} output, a
 * CLI script, or a full configuration backup. Each phase 1 is a connection, the phase 2s that name it its children;
 * firewall address objects a selector names are resolved when the file has them. Defaults are FortiOS 7.2's
 * ({@link FortiDefaults}).
 */
public final class FortiosReader implements ConfigReader {

    /** A full backup of a large FortiGate runs to a few MB; beyond this the file is refused, not read. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final Pattern BACKUP_VERSION = Pattern.compile("#config-version=[^-\\s]+-(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final List<String> PHASE1_TABLES = List.of("vpn ipsec phase1-interface", "vpn ipsec phase1");
    private static final List<String> PHASE2_TABLES = List.of("vpn ipsec phase2-interface", "vpn ipsec phase2");

    @Override
    public Implementation implementation() {
        return Implementation.FORTIOS;
    }

    @Override
    public boolean recognises(Path path, String head) {
        // phase1-interface, phase2-interface and the policy-based phase1/phase2; a backup names its version first
        return head.contains("config vpn ipsec phase") || head.startsWith("#config-version=");
    }

    @Override
    public PeerConfig read(Path path, Path secrets) throws ConfigException {
        String file = path.toString();
        List<ConfigWarning> warnings = new ArrayList<>();
        ConfigFiles.secretsNotRead(secrets, "FortiOS", "configuration", warnings);
        String text = ConfigFiles.readUtf8(path, MAX_BYTES, "FortiOS configuration");
        version(text, file, warnings);
        FortiTree.Body root = new FortiConfigParser(file, text, warnings).parse();
        FortiAddressBook addresses = new FortiAddressBook(root, file);

        Map<String, List<ChildConfig>> children = new LinkedHashMap<>();
        for (String table : PHASE2_TABLES) {
            for (FortiTree.Block block : FortiTree.find(root, table)) {
                noLooseSettings(block, file);
                for (FortiTree.Entry entry : block.entries.values()) {
                    FortiEntry e = new FortiEntry(entry, file, "phase2-interface");
                    String phase1 = FortiPhase2.phase1Name(e);
                    children.computeIfAbsent(phase1, k -> new ArrayList<>())
                            .add(new FortiPhase2(e, addresses, warnings).read());
                    e.warnUnread(warnings);
                }
            }
        }

        List<ConnectionConfig> connections = new ArrayList<>();
        for (String table : PHASE1_TABLES) {
            for (FortiTree.Block block : FortiTree.find(root, table)) {
                noLooseSettings(block, file);
                for (FortiTree.Entry entry : block.entries.values()) {
                    FortiEntry e = new FortiEntry(entry, file, "phase1-interface");
                    List<ChildConfig> own = children.remove(entry.name);
                    connections.add(FortiPhase1.read(e, own == null ? List.of() : own));
                    e.warnUnread(warnings);
                }
            }
        }
        for (Map.Entry<String, List<ChildConfig>> orphan : children.entrySet()) {
            for (ChildConfig child : orphan.getValue()) {
                warnings.add(new ConfigWarning(child.origin(), "phase2-interface '" + child.name()
                        + "' names phase1 '" + orphan.getKey() + "', which this file does not define: not read"));
            }
        }
        if (connections.isEmpty()) {
            throw new ConfigException(file, 0, "no 'config vpn ipsec phase1-interface' block with an 'edit' entry");
        }
        return new PeerConfig(Implementation.FORTIOS, FortiDefaults.VERSION, List.of(file), connections, warnings);
    }

    /** A phase table holds entries only: a {@code set} between {@code config} and the first {@code edit} is wrong. */
    private static void noLooseSettings(FortiTree.Block block, String file) throws ConfigException {
        for (FortiTree.Setting s : block.settings.values()) {
            throw new ConfigException(file, s.line(), "'set " + s.key() + "' outside an 'edit' entry of 'config "
                    + block.path + "'");
        }
    }

    /** A backup names its FortiOS version; defaults of another version may differ, which the user is told. */
    private static void version(String text, String file, List<ConfigWarning> warnings) {
        Matcher m = BACKUP_VERSION.matcher(text.substring(0, Math.min(text.length(), 512)));
        if (m.find() && !(m.group(1).equals("7") && (m.group(2).equals("2") || m.group(2).equals("4")))) {
            warnings.add(new ConfigWarning(Origin.at(file, 1), "the backup is of FortiOS " + m.group(1) + "."
                    + m.group(2) + "." + m.group(3) + "; values it leaves out are filled in with "
                    + FortiDefaults.VERSION + "'s defaults"));
        }
    }
}
