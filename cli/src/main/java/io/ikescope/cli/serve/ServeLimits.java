package io.ikescope.cli.serve;

import java.time.Duration;

/**
 * What one server takes: bytes per uploaded file and per session, files per session, sessions at once, and how
 * long an unused session (and its files) is kept.
 */
public record ServeLimits(long maxUpload, long maxSession, int maxFiles, int maxSessions, Duration sessionIdle) {
    public ServeLimits {
        if (maxUpload <= 0 || maxSession <= 0 || maxFiles <= 0 || maxSessions <= 0 || sessionIdle.isNegative()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
