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
 * {@code ikescope psk-check --candidates FILE CAPTURE... [-k KEYS]}: says which candidate pre-shared key each peer
 * of each PSK negotiation used (IKEv1 Aggressive Mode from the cleartext, IKEv2 with the key log). Candidates are
 * named by their line and fingerprint, never printed. Exit status 0 when every peer tested matched a candidate,
 * 1 when one matched none (or no PSK negotiation was found), 2 bad input.
 */
@Command(name = "psk-check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Say which candidate pre-shared key each peer used in the captured PSK negotiations.",
            "IKEv1 Aggressive Mode: from the cleartext (HASH_R; HASH_I when the third message is readable)."
                + " IKEv2: the AUTH payloads, with the key log (-k) that decrypts IKE_AUTH and gives SK_pi/SK_pr.",
            "Candidates are shown by their line in FILE and a fingerprint (first 8 hex digits of SHA-256), never"
                + " in full.",
            "Exit status: 0 every peer tested matched a candidate, 1 one matched none or no PSK negotiation was"
                + " found, 2 bad input."})
final class PskCheckCommand implements Callable<Integer> {
    @ParentCommand
    IkescopeCommand parent;

    @Option(names = "--candidates", paramLabel = "FILE", required = true,
            description = "candidate pre-shared keys, one per line (blank lines skipped)")
    Path candidatesFile;

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
        List<PskCandidate> candidates;
        try {
            candidates = PskCandidates.read(candidatesFile);
        } catch (PskCandidatesException e) {
            throw new ErrorReporter.UserError("--candidates " + e.getMessage());
        }
        if (candidates.isEmpty()) {
            throw new ErrorReporter.UserError("--candidates " + candidatesFile + ": no candidates (only blank lines)");
        }
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

    private static boolean allMatched(List<PskVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return false;
        }
        for (PskVerdict v : verdicts) {
            if (v.initiator().noneMatchedResult() || v.responder().noneMatchedResult()) {
                return false;
            }
        }
        return true;
    }

    static void writeText(List<PskVerdict> verdicts, PrintWriter w) {
        if (verdicts.isEmpty()) {
            w.println("no PSK negotiation found (IKEv1 Aggressive Mode, or IKEv2 with shared-key AUTH)");
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
        return r.match() == null ? "none matched" : "candidate line " + r.match() + " (" + r.fingerprint() + ")";
    }
}
