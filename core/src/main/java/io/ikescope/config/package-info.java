/**
 * Configuration readers: each turns one implementation's configuration (a file or a directory) into the same model
 * of connections ({@link io.ikescope.config.PeerConfig}), with the implementation's defaults filled in and every
 * value traced to its file and line ({@link io.ikescope.config.Origin}). Readers for each format live in a
 * sub-package of their own; this package holds the model and the detection of a file's format. It depends on
 * nothing above the wire registries: the check simulation and {@code diagnose --config} build on it.
 *
 * <p>Secrets never enter the model: a pre-shared key becomes a {@link io.ikescope.config.PskDigest}, which can be
 * compared within one run and says nothing about the key outside it.
 */
package io.ikescope.config;
