package io.ikescope.crypto.keys;

import io.ikescope.crypto.KeyRing;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the key sources gave: the keys, the warnings worth telling the user (a key set that could not be tied to
 * an IKE SA, a file that holds no keys and why, a key set that conflicts with another), and what each key file
 * held.
 */
public record LoadedKeys(KeyRing keyRing, List<String> warnings, List<KeyFileContent> files) {
    public LoadedKeys {
        warnings = List.copyOf(warnings);
        files = List.copyOf(files);
    }

    public LoadedKeys(KeyRing keyRing, List<String> warnings) {
        this(keyRing, warnings, List.of());
    }

    /** The secrets of every charon log (DH secret, SKEYID, SK_pi/SK_pr per IKE SA), in file order; never printed. */
    public List<LoggedSecrets> loggedSecrets() {
        return files.stream().flatMap(f -> f.secrets().stream()).toList();
    }

    /** The warnings other than the files' own "holds no keys" explanations ({@link #withoutKeys}). */
    public List<String> warningsBesidesFilesWithoutKeys() {
        List<String> explanations = files.stream().map(KeyFileContent::withoutKeys).filter(Objects::nonNull).toList();
        return warnings.stream().filter(w -> !explanations.contains(w)).toList();
    }

    /**
     * Why no key set at all was loaded, in one line: the one file's explanation, or each file's; for a command
     * that has nothing to do without keys.
     */
    public String withoutKeys() {
        List<String> explanations = files.stream().map(KeyFileContent::withoutKeys).filter(Objects::nonNull).toList();
        if (explanations.size() == 1) {
            return explanations.get(0);
        }
        return "no key material in any of the " + files.size() + " key files" + (explanations.isEmpty() ? ""
                : ": " + explanations.stream().collect(Collectors.joining("; ")));
    }
}
