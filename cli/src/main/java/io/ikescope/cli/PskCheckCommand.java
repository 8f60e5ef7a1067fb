package io.ikescope.cli;

import io.ikescope.psk.PeerResult;
import io.ikescope.psk.PskCandidate;
import io.ikescope.psk.PskCandidates;
import io.ikescope.psk.PskCandidatesException;
import io.ikescope.psk.PskChecker;
import io.ikescope.psk.PskVerdict;
import io.ikescope.session.IdSequence;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ikescope psk-check --candidates FILE | --candidate VALUE... CAPTURE... [-k KEYS]}: says which candidate
 * pre-shared key each peer of each PSK negotiation used (IKEv1 Aggressive Mode from the cleartext, Main Mode and
 * IKEv2 with the key log). Candidates are named by their line (a {@code --candidate}'s position) and fingerprint,
 * never printed. Exit status 0 when every peer tested matched a candidate, 1 when one matched none (or none was
 * tested, or no PSK negotiation was found), 2 bad input.
 */
@Command(name = "psk-check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Say which candidate pre-shared key each peer used in the captured PSK negotiations.",
            "IKEv1 Aggressive Mode: from the cleartext (HASH_R; HASH_I when the third message is readable)."
                + " IKEv1 Main Mode: MM5/MM6 or the Informational a peer sent, with a key log (-k) holding the"
                + " shared Diffie Hellman secret (strongSwan, ike level 4), or else the peer's own SKEYID."
                + " IKEv2: the AUTH payloads, with the key log (-k) that decrypts IKE_AUTH and gives SK_pi/SK_pr.",
            "Candidates are shown by their line in FILE (a --candidate by its position among the --candidate"
                + " options) and a fingerprint (first 8 hex digits of SHA-256), never in full.",
            "Exit status: 0 every peer tested matched a candidate, 1 one matched none, no peer could be tested or no PSK"
                + " negotiation was found, 2 bad input."})
final class PskCheckCommand implements Callable<Integer> {
    @ParentCommand
    IkescopeCommand parent;

    @Option(names = "--candidates", paramLabel = "FILE",
            description = "candidate pre-shared keys, one per line (blank lines skipped)")
    Path candidatesFile;

    @Option(names = "--candidate", paramLabel = "VALUE",
            description = {"one candidate pre-shared key (repeatable; with or instead of --candidates), named by its"
                + " position among the --candidate options. A value on the command line is visible to other users"
                + " in ps and may stay in the shell history: prefer --candidates FILE for real keys."})
    List<String> candidateValues = new ArrayList<>();

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "pcap or pcapng files")
    List<Path> captures = new ArrayList<>();

    @Option(names = {"-k", "--keys"}, paramLabel = "PATH",
            description = "key log(s): strongSwan charon log with ike level 4, file or directory (repeatable)")
    List<Path> keys = new ArrayList<>();

    @Mixin
    TextOrJsonOptions reportOptions;

    @Override
    public Integer call() throws IOException {
        OutputFormat format = reportOptions.format("psk-check");
        List<PskCandidate> candidates = candidates();
        PskChecker checker = PskChecker.of(candidates, keys);
        IdSequence ids = new IdSequence();
        List<PskVerdict> verdicts = new ArrayList<>();
        for (Path capture : captures) {
            verdicts.addAll(checker.check(capture, ids));
        }
        try (Output out = reportOptions.open(parent.streams())) {
            if (format == OutputFormat.JSON) {
                PskCheckJsonWriter.write(verdicts, out.stream());
            } else {
                writeText(verdicts, out.writer());
                out.writer().flush();
            }
        }
        return allMatched(verdicts) ? ExitCodes.OK : ExitCodes.NEGOTIATION_FAILED;
    }

    /** The file's candidates in line order, then the --candidate values in their order. */
    private List<PskCandidate> candidates() throws IOException {
        if (candidatesFile == null && candidateValues.isEmpty()) {
            throw new ErrorReporter.UserError("psk-check needs --candidates FILE or --candidate VALUE");
        }
        List<PskCandidate> candidates = new ArrayList<>();
        if (candidatesFile != null) {
            try {
                candidates.addAll(PskCandidates.read(candidatesFile));
            } catch (PskCandidatesException e) {
                throw new ErrorReporter.UserError("--candidates " + e.getMessage());
            }
            if (candidates.isEmpty() && candidateValues.isEmpty()) {
                throw new ErrorReporter.UserError("--candidates " + candidatesFile
                        + ": no candidates (only blank lines)");
            }
        }
        for (int i = 0; i < candidateValues.size(); i++) {
            String value = candidateValues.get(i);
            if (value.isEmpty()) {
                throw new ErrorReporter.UserError("--candidate number " + (i + 1) + " is empty");
            }
            if (value.getBytes(StandardCharsets.UTF_8).length > PskCandidates.MAX_LINE_BYTES) {
                throw new ErrorReporter.UserError("--candidate number " + (i + 1) + " is longer than "
                        + PskCandidates.MAX_LINE_BYTES + " bytes");
            }
            candidates.add(PskCandidate.option(i + 1, value));
        }
        return candidates;
    }

    /** At least one peer was tested, and every peer tested matched: nothing proven is not a success. */
    private static boolean allMatched(List<PskVerdict> verdicts) {
        boolean anyTested = false;
        for (PskVerdict v : verdicts) {
            if (v.initiator().noneMatchedResult() || v.responder().noneMatchedResult()) {
                return false;
            }
            anyTested |= v.initiator().tested() || v.responder().tested();
        }
        return anyTested;
    }

    static void writeText(List<PskVerdict> verdicts, PrintWriter w) {
        if (verdicts.isEmpty()) {
            w.println("no PSK negotiation found (IKEv1 Main or Aggressive Mode, or IKEv2 with shared-key AUTH)");
        }
        for (PskVerdict v : verdicts) {
            w.println("negotiation " + v.id() + " (" + v.input() + "): " + (v.ikeVersion() == 1 ? "IKEv1 " : "IKEv2")
                    + (v.ikeVersion() == 1 ? v.exchangeMode() + " mode" : "") + ", initiator SPI " + v.spiI()
                    + (v.prf() == null ? "" : ", " + v.prf()));
            w.println("  initiator: " + text(v.initiator()));
            w.println("  responder: " + text(v.responder()));
        }
    }

    private static String text(PeerResult r) {
        if (!r.tested()) {
            return "not tested: " + r.why();
        }
        if (r.match() == null) {
            return "none matched";
        }
        return (r.fromOption() ? "--candidate number " : "candidate line ") + r.match() + " (" + r.fingerprint() + ")";
    }
}
