package io.ikescope.config;

import java.nio.file.Path;

/** Reads one implementation's configuration format. */
public interface ConfigReader {

    Implementation implementation();

    /**
     * Whether this reader understands the file or directory. {@code head} is the first few KB of a file as text
     * (empty for a directory), so detection reads each file once.
     */
    boolean recognises(Path path, String head);

    /**
     * @param secrets a secrets file named by the user ({@code --secrets}), or null: the reader looks beside the
     *                configuration where the implementation does (ipsec.secrets next to ipsec.conf)
     */
    PeerConfig read(Path path, Path secrets) throws ConfigException;
}
