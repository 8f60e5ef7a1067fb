package io.ikescope.cli.serve;

import java.util.Locale;

/** What an uploaded file is for, and where in a session's directory it goes (configurations one folder per peer). */
enum UploadKind {
    CAPTURE(""),
    KEYS(""),
    CONFIG_A("peer-a"),
    CONFIG_B("peer-b");

    private final String folder;

    UploadKind(String folder) {
        this.folder = folder;
    }

    /** The folder under the uploads directory, "" for the directory itself. */
    String folder() {
        return folder;
    }

    /** "capture", "keys", "config-a", "config-b": the API's names. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static UploadKind ofApiName(String name) {
        for (UploadKind k : values()) {
            if (k.apiName().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
