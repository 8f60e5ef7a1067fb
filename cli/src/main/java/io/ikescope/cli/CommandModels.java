// Generated from the picocli annotations of the commands by CommandModelSource (cli tests): do not edit.
// CommandModelsTest fails while it is out of date. After changing an annotation, rewrite it with
//   mvn -pl cli -am test -Dtest=CommandModelsTest -Dsurefire.failIfNoSpecifiedTests=false -Dikescope.regenerate=true
// and run the test again without -Dikescope.regenerate (the first run compared the classes built before).
package io.ikescope.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' picocli model, built without reading annotations: the JDK makes a proxy class for every
 * annotation type it reads, and reading the commands' annotations was about 70 ms of a run's start.
 */
final class CommandModels {
    private CommandModels() {
    }

    /** {@code builder} reading and writing a field through {@code field}, its value now the initial one. */
    private static OptionSpec.Builder bound(OptionSpec.Builder builder, FieldBinding<?> field) {
        return builder.getter(field).setter(field).initialValue(field.get());
    }

    /** {@code builder} reading and writing a field through {@code field}, its value now the initial one. */
    private static PositionalParamSpec.Builder bound(PositionalParamSpec.Builder builder,
            FieldBinding<?> field) {
        return builder.getter(field).setter(field).initialValue(field.get());
    }

    /** {@code ikescope}, as the annotations of {@link IkescopeCommand} describe it. */
    static CommandSpec ikescope(IkescopeCommand c) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("ikescope");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Tells why an IPsec VPN does or does not come up, from a packet capture or the peers'"
                + " configurations.");
        spec.usageMessage().exitCodeListHeading("%nExit status:%n");
        var exitCodes = new java.util.LinkedHashMap<String, String>();
        exitCodes.put("0", "success");
        exitCodes.put("1", "at least one negotiation did not succeed (diagnose, check); the target did not answer (probe); a"
                + " tested peer matched no candidate (psk-check)");
        exitCodes.put("2", "usage error or unreadable input");
        spec.usageMessage().exitCodeList(exitCodes);
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.spec = spec;
        return spec;
    }

    /** The subcommand {@code name} (one of {@link IkescopeCommand#SUBCOMMANDS}) of {@code parent}. */
    static CommandSpec subcommand(String name, IkescopeCommand parent) {
        switch (name) {
            case "diagnose":
                return diagnose(new DiagnoseCommand(), parent);
            case "audit":
                return audit(new AuditCommand(), parent);
            case "dissect":
                return dissect(new DissectCommand(), parent);
            case "keys":
                return keys(new KeysCommand(), parent);
            case "check":
                return check(new CheckCommand(), parent);
            case "probe":
                return probe(new ProbeCommand(), parent);
            case "psk-check":
                return pskCheck(new PskCheckCommand(), parent);
            case "watch":
                return watch(new WatchCommand(), parent);
            case "serve":
                return serve(new ServeCommand(), parent);
            default:
                throw new IllegalArgumentException("no such command: " + name);
        }
    }

    /** {@code diagnose}, as the annotations of {@link DiagnoseCommand} describe it. */
    static CommandSpec diagnose(DiagnoseCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("diagnose");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Reconstruct every IKE negotiation in the captures and tell why it failed.",
                "Captures: pcap or pcapng, optionally gzip-compressed; '-' reads standard input; a directory,"
                + " every capture in it. Files whose names differ only in digits (tcpdump -C / -G rotation) are"
                + " read in the order of their first packets as one capture, frames numbered across them, while"
                + " each begins where the one before ended; files are read on all cores.",
                "--format html writes one self-contained page (no script, nothing fetched) to open in a browser"
                + " or mail.",
                "--config FILE (repeatable, one per peer: swanctl.conf, ipsec.conf with its ipsec.secrets beside"
                + " it, a vendor configuration, or a directory) compares each negotiation with the peers'"
                + " configurations: the verdict names the setting and line, PROPOSAL_MISMATCH is refined to"
                + " DH_GROUP_MISMATCH or PFS_MISMATCH when they show it, a file that disagrees with the capture is"
                + " reported (CONFIG_DISAGREES); JSON adds a \"configuration\" object per negotiation (null without"
                + " --config).",
                "Exit status: 0 every negotiation was established, 1 at least one was not, 2 bad input.");
        c.common = new CommonOptions();
        spec.addMixin("common", commonOptions(c.common, spec));
        spec.addOption(bound(OptionSpec.builder("--no-progress")
                .description("no progress bar (one is shown on a terminal for capture files over 100 MB)")
                .paramLabel("<noProgress>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.noProgress, v -> c.noProgress = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--progress-lines")
                .hidden(true)
                .paramLabel("<progressLines>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.progressLines, v -> c.progressLines = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--config")
                .description("one peer's configuration (file or directory); repeat it for the other peer")
                .paramLabel("PATH")
                .type(java.util.List.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.configs, v -> c.configs = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--annotate")
                .description("also write the captures as one pcapng file with the diagnosis as comments (a packet comment"
                    + " on every IKE frame, the verdicts on the section header) for Wireshark; with -k the key"
                    + " tables go to OUT.pcapng.keys/wireshark/")
                .paramLabel("OUT.pcapng")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.annotate, v -> c.annotate = v))
                .build());
        spec.addPositional(bound(PositionalParamSpec.builder()
                .description("capture files or directories of them, or - for standard input")
                .paramLabel("CAPTURE")
                .arity("1..*")
                .required(true)
                .type(java.util.List.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.captures, v -> c.captures = v))
                .build());
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.spec = spec;
        c.parent = parent;
        return spec;
    }

    /** {@code audit}, as the annotations of {@link AuditCommand} describe it. */
    static CommandSpec audit(AuditCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("audit");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Rate the offered and chosen algorithms of every IKE negotiation in the captures against RFC 8247"
                + " (IKEv2), RFC 8221 (ESP/AH), RFC 9395 (IKEv1 deprecated) and NIST SP 800-77r1 (lifetimes),"
                + " naming the source of each rating.",
                "Also: weak offers a peer could negotiate, Aggressive Mode with a pre-shared key, child SAs"
                + " without PFS, long lifetimes, whether a post-quantum key exchange was used.",
                "--format html writes diagnose's HTML report, whose Audit section per negotiation shows the same"
                + " ratings.",
                "Exit status: 0 no MUST NOT transform was negotiated, 1 one was, 2 bad input.");
        c.common = new CommonOptions();
        spec.addMixin("common", commonOptions(c.common, spec));
        spec.addOption(bound(OptionSpec.builder("--no-progress")
                .description("no progress bar (one is shown on a terminal for capture files over 100 MB)")
                .paramLabel("<noProgress>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.noProgress, v -> c.noProgress = v))
                .build());
        spec.addPositional(bound(PositionalParamSpec.builder()
                .description("capture files, or - for standard input")
                .paramLabel("CAPTURE")
                .arity("1..*")
                .required(true)
                .type(java.util.List.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.captures, v -> c.captures = v))
                .build());
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.spec = spec;
        c.parent = parent;
        return spec;
    }

    /** {@code dissect}, as the annotations of {@link DissectCommand} describe it. */
    static CommandSpec dissect(DissectCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("dissect");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Decode every IKE message (IKEv1/ISAKMP and IKEv2) in the captures.",
                "Captures: pcap or pcapng, optionally gzip-compressed; '-' reads standard input.");
        c.common = new CommonOptions();
        spec.addMixin("common", commonOptions(c.common, spec));
        spec.addPositional(bound(PositionalParamSpec.builder()
                .description("capture files, or - for standard input")
                .paramLabel("CAPTURE")
                .arity("1..*")
                .required(true)
                .type(java.util.List.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.captures, v -> c.captures = v))
                .build());
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.spec = spec;
        c.parent = parent;
        return spec;
    }

    /** {@code keys}, as the annotations of {@link KeysCommand} describe it. */
    static CommandSpec keys(KeysCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("keys");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Turn key material into Wireshark's ikev1_decryption_table and ikev2_decryption_table.",
                "",
                "Inputs (FILE and --keys PATH alike, recognised by content): Wireshark decryption tables (also"
                + " what strongSwan's save-keys plugin writes), tcpdump IKEv2 secrets files, strongSwan charon logs"
                + " written with ike log level 4 (charon.filelog.NAME.ike = 4; gzip-compressed is fine), and"
                + " directories holding such files (not searched recursively).",
                "",
                "Output: with -o DIR, the tables that have rows are written into DIR (created if missing) as"
                + " 'ikev1_decryption_table' and 'ikev2_decryption_table', ready for a Wireshark profile directory"
                + " (e.g. ~/.config/wireshark, or XDG_CONFIG_HOME=X tshark with X/wireshark as DIR); existing files"
                + " are only replaced with --force (give them as inputs too to merge their rows). Without -o the"
                + " tables go to standard output, each after a '# file: NAME' line.",
                "",
                "A charon log names no algorithms: they are taken from the IKE_SA_INIT of the captures given with"
                + " --capture, else from the key lengths when those fit only one IANA algorithm pair (AES-CBC-128"
                + " or -256 with HMAC-SHA2-256/384/512: the row's comment says so). A key set whose SPIs or"
                + " algorithms stay unknown, or whose cipher Wireshark cannot decrypt (ChaCha20-Poly1305), is"
                + " skipped with a warning naming it. Exit status 2 when no row at all could be written.");
        c.common = new CommonOptions();
        spec.addMixin("common", commonOptions(c.common, spec));
        spec.addPositional(bound(PositionalParamSpec.builder()
                .description("key material: files or directories")
                .paramLabel("FILE")
                .arity("0..*")
                .type(java.util.List.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.files, v -> c.files = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--capture")
                .description("a capture of the negotiations, repeatable: the chosen IKEv2 algorithms of key sets from"
                    + " charon logs are read from its IKE_SA_INIT responses")
                .paramLabel("CAPTURE")
                .type(java.util.List.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.captures, v -> c.captures = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--force")
                .description("with -o DIR: replace table files that exist there")
                .paramLabel("<force>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.force, v -> c.force = v))
                .build());
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.spec = spec;
        c.parent = parent;
        return spec;
    }

    /** {@code check}, as the annotations of {@link CheckCommand} describe it. */
    static CommandSpec check(CheckCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("check");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Simulate the IKE negotiation between two peers' configurations, both ways, before deployment.",
                "A and B: a configuration file (swanctl.conf, ipsec.conf with its ipsec.secrets beside it, a"
                + " vendor configuration) or a directory holding one (/etc/swanctl).",
                "Exit status: 0 every simulated negotiation establishes and survives its rekeys, 1 at least one"
                + " does not, 2 bad input.");
        spec.addPositional(bound(PositionalParamSpec.builder()
                .index("0")
                .description("the first peer's configuration (file or directory)")
                .paramLabel("A")
                .required(true)
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.a, v -> c.a = v))
                .build());
        spec.addPositional(bound(PositionalParamSpec.builder()
                .index("1")
                .description("the second peer's configuration (file or directory)")
                .paramLabel("B")
                .required(true)
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.b, v -> c.b = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--connection")
                .description("simulate only the connection NAME (of A, of B, or both)")
                .paramLabel("NAME")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.connection, v -> c.connection = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--secrets-a")
                .description("A's secrets file (ipsec.secrets) when it is not beside A's configuration")
                .paramLabel("FILE")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.secretsA, v -> c.secretsA = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--secrets-b")
                .description("the same for B")
                .paramLabel("FILE")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.secretsB, v -> c.secretsB = v))
                .build());
        c.reportOptions = new TextOrJsonOptions();
        spec.addMixin("reportOptions", textOrJsonOptions(c.reportOptions, spec));
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.parent = parent;
        return spec;
    }

    /** {@code probe}, as the annotations of {@link ProbeCommand} describe it. */
    static CommandSpec probe(ProbeCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("probe");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Ask an IKE gateway which proposals, groups and modes it accepts (IKEv2 and IKEv1).",
                "Sends only first messages (IKE_SA_INIT, Main Mode MM1, Aggressive Mode AM1 when asked), never"
                + " authenticates, sends to HOST only, at most --rate packets per second, and stops at --max-time.",
                "Probe only gateways you are allowed to test.",
                "Exit status: 0 the target answered (and, with --against, every weighed connection would"
                + " negotiate), 1 nothing answered (or a weighed connection would not negotiate), 2 bad input.");
        spec.addPositional(bound(PositionalParamSpec.builder()
                .index("0")
                .description("the gateway: an address or name, with the port when not 500 (4500 with --nat-t); IPv6 as"
                    + " [ADDRESS]:PORT")
                .paramLabel("HOST[:PORT]")
                .arity("0..1")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.host, v -> c.host = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--targets")
                .description("probe each HOST[:PORT] of FILE (one per line, # comments) in turn, instead of HOST; JSON is"
                    + " then one document per target and line")
                .paramLabel("FILE")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.targetList, v -> c.targetList = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--ikev2")
                .description("probe IKEv2 only")
                .paramLabel("<onlyIkev2>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.onlyIkev2, v -> c.onlyIkev2 = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--ikev1")
                .description("probe IKEv1 only")
                .paramLabel("<onlyIkev1>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.onlyIkev1, v -> c.onlyIkev1 = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--rate")
                .description("packets per second at most, every packet counted (default: ${DEFAULT-VALUE})")
                .paramLabel("PPS")
                .defaultValue("4")
                .type(double.class)
                .auxiliaryTypes(double.class),
                FieldBinding.of(() -> c.rate, v -> c.rate = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--max-time")
                .description("stop after this long whatever is left (default: ${DEFAULT-VALUE})")
                .paramLabel("SECONDS")
                .defaultValue("300")
                .type(double.class)
                .auxiliaryTypes(double.class),
                FieldBinding.of(() -> c.maxTime, v -> c.maxTime = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--wait")
                .description("how long each request waits for its answer (default: ${DEFAULT-VALUE})")
                .paramLabel("SECONDS")
                .defaultValue("2")
                .type(double.class)
                .auxiliaryTypes(double.class),
                FieldBinding.of(() -> c.waitSeconds, v -> c.waitSeconds = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--tries")
                .description("sends of a request before it counts as unanswered (default: ${DEFAULT-VALUE})")
                .paramLabel("N")
                .defaultValue("2")
                .type(int.class)
                .auxiliaryTypes(int.class),
                FieldBinding.of(() -> c.tries, v -> c.tries = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--max-combinations")
                .description("full proposals tested after the per-type pass (default: ${DEFAULT-VALUE})")
                .paramLabel("N")
                .defaultValue("256")
                .type(int.class)
                .auxiliaryTypes(int.class),
                FieldBinding.of(() -> c.maxCombinations, v -> c.maxCombinations = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--source-port")
                .description("the local UDP port (default: any free port). Some gateways answer only port 500, which needs"
                    + " root or CAP_NET_BIND_SERVICE, and fails while a local IKE daemon holds it.")
                .paramLabel("PORT")
                .defaultValue("0")
                .type(int.class)
                .auxiliaryTypes(int.class),
                FieldBinding.of(() -> c.sourcePort, v -> c.sourcePort = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--aggressive")
                .description("also send one IKEv1 Aggressive Mode AM1 (with --id): does Aggressive Mode answer?")
                .paramLabel("<aggressive>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.aggressive, v -> c.aggressive = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--id")
                .description("the identity in the AM1: an IPv4/IPv6 address, user@fqdn or an FQDN (default: the local"
                    + " address); a gateway may answer only an ID it knows")
                .paramLabel("ID")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.id, v -> c.id = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--fingerprint")
                .description("time the IKEv1 responder: its retransmissions of an answer never followed up, and how long"
                    + " it keeps that exchange (takes --fingerprint-time)")
                .paramLabel("<fingerprint>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.fingerprint, v -> c.fingerprint = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--fingerprint-time")
                .description("how long the fingerprint listens (default: ${DEFAULT-VALUE})")
                .paramLabel("SECONDS")
                .defaultValue("40")
                .type(double.class)
                .auxiliaryTypes(double.class),
                FieldBinding.of(() -> c.fingerprintTime, v -> c.fingerprintTime = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--blocked-wait")
                .description("when an IKEv1 target stops answering after earlier answers (a limit of half-open SAs), wait"
                    + " this long before going on (default: ${DEFAULT-VALUE}; strongSwan drops them after 30 s)")
                .paramLabel("SECONDS")
                .defaultValue("35")
                .type(double.class)
                .auxiliaryTypes(double.class),
                FieldBinding.of(() -> c.blockedWait, v -> c.blockedWait = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--nat-t")
                .description("speak NAT-T framing (a non-ESP marker before IKE) to port 4500")
                .paramLabel("<natT>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.natT, v -> c.natT = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--pcap")
                .description("write every datagram sent and received to FILE (pcap, raw IP; ikescope dissect reads it)")
                .paramLabel("FILE")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.pcap, v -> c.pcap = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--against")
                .description("weigh this local configuration (file or directory, any format `check` reads) against the"
                    + " answers: would its connections to HOST negotiate Phase 1, and what to change")
                .paramLabel("CONFIG")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.against, v -> c.against = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--connection")
                .description("with --against: weigh only connection NAME")
                .paramLabel("NAME")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.connection, v -> c.connection = v))
                .build());
        c.reportOptions = new TextOrJsonOptions();
        spec.addMixin("reportOptions", textOrJsonOptions(c.reportOptions, spec));
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.parent = parent;
        return spec;
    }

    /** {@code psk-check}, as the annotations of {@link PskCheckCommand} describe it. */
    static CommandSpec pskCheck(PskCheckCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("psk-check");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Say which candidate pre-shared key each peer used in the captured PSK negotiations.",
                "IKEv1 Aggressive Mode: from the cleartext (HASH_R; HASH_I when the third message is readable)."
                + " IKEv1 Main Mode: MM5/MM6 or the Informational a peer sent, with a key log (-k) holding the"
                + " shared Diffie Hellman secret (strongSwan, ike level 4), or else the peer's own SKEYID. IKEv2:"
                + " the AUTH payloads, with the key log (-k) that decrypts IKE_AUTH and gives SK_pi/SK_pr.",
                "Candidates are shown by their line in FILE (a --candidate by its position among the --candidate"
                + " options) and a fingerprint (first 8 hex digits of SHA-256), never in full.",
                "Exit status: 0 every peer tested matched a candidate, 1 one matched none, no peer could be"
                + " tested or no PSK negotiation was found, 2 bad input.");
        spec.addOption(bound(OptionSpec.builder("--candidates")
                .description("candidate pre-shared keys, one per line (blank lines skipped)")
                .paramLabel("FILE")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.candidatesFile, v -> c.candidatesFile = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--candidate")
                .description("one candidate pre-shared key (repeatable; with or instead of --candidates), named by its"
                    + " position among the --candidate options. A value on the command line is visible to other"
                    + " users in ps and may stay in the shell history: prefer --candidates FILE for real keys.")
                .paramLabel("VALUE")
                .type(java.util.List.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.candidateValues, v -> c.candidateValues = v))
                .build());
        spec.addPositional(bound(PositionalParamSpec.builder()
                .description("pcap or pcapng files")
                .paramLabel("CAPTURE")
                .arity("1..*")
                .required(true)
                .type(java.util.List.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.captures, v -> c.captures = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("-k", "--keys")
                .description("key log(s): strongSwan charon log with ike level 4, file or directory (repeatable)")
                .paramLabel("PATH")
                .type(java.util.List.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.keys, v -> c.keys = v))
                .build());
        c.reportOptions = new TextOrJsonOptions();
        spec.addMixin("reportOptions", textOrJsonOptions(c.reportOptions, spec));
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.parent = parent;
        return spec;
    }

    /** {@code watch}, as the annotations of {@link WatchCommand} describe it. */
    static CommandSpec watch(WatchCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("watch");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Diagnose negotiations live: each verdict as soon as the messages settle on it, a stalled"
                + " negotiation after --stall-timeout, an update when a later message (rekey, delete) changes it.",
                "Input: '-' (a pcap stream, e.g. tcpdump -U -w - ... | ikescope watch -), a capture file"
                + " (replayed on its own timestamps), or -i INTERFACE (runs tcpdump with a filter for IKE, NAT-T,"
                + " ESP, AH, ICMP errors and IP fragments).",
                "--format json writes JSON Lines (schema ikescope.watch/1), one event per line.",
                "Exit status: 0 the input ended and every negotiation was established, 1 one was not, 2 bad"
                + " input.");
        c.common = new CommonOptions();
        spec.addMixin("common", commonOptions(c.common, spec));
        spec.addOption(bound(OptionSpec.builder("-i", "--interface")
                .description("capture live on INTERFACE with tcpdump (root or CAP_NET_RAW)")
                .paramLabel("INTERFACE")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.networkInterface, v -> c.networkInterface = v))
                .build());
        spec.addPositional(bound(PositionalParamSpec.builder()
                .description("'-' for standard input, or a capture file")
                .paramLabel("CAPTURE")
                .arity("0..1")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.capture, v -> c.capture = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--settle")
                .description("quiet time after a message before its negotiation is diagnosed (default: ${DEFAULT-VALUE})")
                .paramLabel("SECONDS")
                .defaultValue("0.5")
                .type(double.class)
                .auxiliaryTypes(double.class),
                FieldBinding.of(() -> c.settleSeconds, v -> c.settleSeconds = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--stall-timeout")
                .description("quiet time after which a negotiation without a stated outcome is reported as stalled"
                    + " (default: ${DEFAULT-VALUE}; longer than the peers' retransmissions)")
                .paramLabel("SECONDS")
                .defaultValue("30")
                .type(double.class)
                .auxiliaryTypes(double.class),
                FieldBinding.of(() -> c.stallSeconds, v -> c.stallSeconds = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--forget-after")
                .description("quiet time after which a negotiation is no longer tracked (default: ${DEFAULT-VALUE})")
                .paramLabel("SECONDS")
                .defaultValue("600")
                .type(double.class)
                .auxiliaryTypes(double.class),
                FieldBinding.of(() -> c.forgetSeconds, v -> c.forgetSeconds = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--metrics")
                .description("serve counters per peer pair and verdict in the Prometheus text format on"
                    + " http://ADDRESS:PORT/metrics (e.g. 127.0.0.1:9464)")
                .paramLabel("ADDRESS:PORT")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.metricsAddress, v -> c.metricsAddress = v))
                .build());
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.spec = spec;
        c.parent = parent;
        return spec;
    }

    /** {@code serve}, as the annotations of {@link ServeCommand} describe it. */
    static CommandSpec serve(ServeCommand c, IkescopeCommand parent) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("serve");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description("Serve the web UI: drop captures, key files and configurations into a browser page, see every"
                + " negotiation, its ladder, payloads, offered versus chosen proposals and findings, and download"
                + " the JSON, the HTML report and the annotated pcapng.",
                "Listens on 127.0.0.1 unless --address says otherwise. Each browser session sees only its own"
                + " uploads; they are deleted when the session has been idle for --session-idle minutes and when"
                + " the server stops. Nothing is fetched from the internet.",
                "--watch - | FILE or --watch-interface IFACE adds a live page (/live) fed by ikescope watch.");
        spec.addOption(bound(OptionSpec.builder("--address")
                .description("address to listen on (default: ${DEFAULT-VALUE}); any other than loopback is reachable from"
                    + " other hosts and gets a warning")
                .paramLabel("ADDRESS")
                .defaultValue("127.0.0.1")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.address, v -> c.address = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--port")
                .description("TCP port (default: ${DEFAULT-VALUE}; 0 takes any free port)")
                .paramLabel("PORT")
                .defaultValue("8771")
                .type(int.class)
                .auxiliaryTypes(int.class),
                FieldBinding.of(() -> c.port, v -> c.port = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--open")
                .description("open the page in the desktop's browser (xdg-open or open)")
                .paramLabel("<open>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> c.open, v -> c.open = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--max-upload")
                .description("largest file accepted, e.g. 64M, 2G (default: ${DEFAULT-VALUE})")
                .paramLabel("SIZE")
                .defaultValue("512M")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.maxUpload, v -> c.maxUpload = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--max-session")
                .description("most bytes one session's files may take (default: ${DEFAULT-VALUE})")
                .paramLabel("SIZE")
                .defaultValue("2G")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.maxSession, v -> c.maxSession = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--max-files")
                .description("most files per session (default: ${DEFAULT-VALUE})")
                .paramLabel("N")
                .defaultValue("64")
                .type(int.class)
                .auxiliaryTypes(int.class),
                FieldBinding.of(() -> c.maxFiles, v -> c.maxFiles = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--max-sessions")
                .description("most browser sessions at once (default: ${DEFAULT-VALUE})")
                .paramLabel("N")
                .defaultValue("32")
                .type(int.class)
                .auxiliaryTypes(int.class),
                FieldBinding.of(() -> c.maxSessions, v -> c.maxSessions = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--session-idle")
                .description("minutes after which an unused session and its files are deleted (default: ${DEFAULT-VALUE})")
                .paramLabel("MINUTES")
                .defaultValue("120")
                .type(long.class)
                .auxiliaryTypes(long.class),
                FieldBinding.of(() -> c.sessionIdleMinutes, v -> c.sessionIdleMinutes = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--temp-dir")
                .description("where uploads are kept while the server runs (default: the system's temporary directory)")
                .paramLabel("DIR")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> c.tempDir, v -> c.tempDir = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--watch")
                .description("feed the live page from ikescope watch on CAPTURE ('-' for standard input)")
                .paramLabel("CAPTURE")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.watch, v -> c.watch = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--watch-interface")
                .description("feed the live page from ikescope watch -i INTERFACE (tcpdump; root or CAP_NET_RAW)")
                .paramLabel("INTERFACE")
                .type(java.lang.String.class)
                .auxiliaryTypes(java.lang.String.class),
                FieldBinding.of(() -> c.watchInterface, v -> c.watchInterface = v))
                .build());
        spec.addMixin("mixinStandardHelpOptions", standardHelp());
        c.spec = spec;
        return spec;
    }

    /** The options of {@link CommonOptions}, mixed into {@code mixee}. */
    private static CommandSpec commonOptions(CommonOptions m, CommandSpec mixee) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(m);
        spec.addOption(bound(OptionSpec.builder("-f", "--format")
                .description("text or json, for diagnose and audit also html (default: ${DEFAULT-VALUE})")
                .paramLabel("FORMAT")
                .defaultValue("text")
                .converters(new CommonOptions.FormatConverter())
                .type(OutputFormat.class)
                .auxiliaryTypes(OutputFormat.class),
                FieldBinding.of(() -> m.format, v -> m.format = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("-o", "--output")
                .description("write to FILE instead of standard output")
                .paramLabel("FILE")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> m.output, v -> m.output = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--port")
                .description("also decode UDP port PORT as IKE (besides 500 and 4500); repeatable")
                .paramLabel("PORT")
                .splitRegex(",")
                .type(java.util.List.class)
                .auxiliaryTypes(java.lang.Integer.class),
                FieldBinding.of(() -> m.ports, v -> m.ports = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("-k", "--keys")
                .description("key material, repeatable: a Wireshark ikev1/ikev2_decryption_table (also what strongSwan's"
                    + " save-keys plugin writes), a tcpdump IKEv2 secrets file, a strongSwan charon log written"
                    + " with ike log level 4, or a directory holding such files; recognised by content")
                .paramLabel("PATH")
                .type(java.util.List.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> m.keys, v -> m.keys = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--debug")
                .description("print stack traces of internal errors")
                .paramLabel("<debug>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> m.debug, v -> m.debug = v))
                .build());
        m.mixee = mixee;
        return spec;
    }

    /** The options of {@link TextOrJsonOptions}, mixed into {@code mixee}. */
    private static CommandSpec textOrJsonOptions(TextOrJsonOptions m, CommandSpec mixee) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(m);
        spec.addOption(bound(OptionSpec.builder("-f", "--format")
                .description("text or json (default: ${DEFAULT-VALUE})")
                .paramLabel("FORMAT")
                .defaultValue("text")
                .converters(new CommonOptions.FormatConverter())
                .type(OutputFormat.class)
                .auxiliaryTypes(OutputFormat.class),
                FieldBinding.of(() -> m.format, v -> m.format = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("-o", "--output")
                .description("write to FILE instead of standard output")
                .paramLabel("FILE")
                .type(java.nio.file.Path.class)
                .auxiliaryTypes(java.nio.file.Path.class),
                FieldBinding.of(() -> m.output, v -> m.output = v))
                .build());
        spec.addOption(bound(OptionSpec.builder("--debug")
                .description("print stack traces of internal errors")
                .paramLabel("<debug>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class),
                FieldBinding.of(() -> m.debug, v -> m.debug = v))
                .build());
        return spec;
    }

    /** What {@code mixinStandardHelpOptions = true} adds: -h/--help and -V/--version. */
    private static CommandSpec standardHelp() {
        CommandSpec spec = CommandSpec.create();
        spec.addOption(OptionSpec.builder("${picocli.help.name.0:--h}", "${picocli.help.name.1:---help}")
                .usageHelp(true)
                .descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.")
                .paramLabel("<helpRequested>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class)
                .initialValue(false)
                .build());
        spec.addOption(OptionSpec.builder("${picocli.version.name.0:--V}", "${picocli.version.name.1:---version}")
                .versionHelp(true)
                .descriptionKey("mixinStandardHelpOptions.version")
                .description("Print version information and exit.")
                .paramLabel("<versionRequested>")
                .type(boolean.class)
                .auxiliaryTypes(boolean.class)
                .initialValue(false)
                .build());
        return spec;
    }
}
