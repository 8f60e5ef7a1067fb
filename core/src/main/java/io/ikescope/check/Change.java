package io.ikescope.check;

import io.ikescope.config.Origin;

/**
 * One setting to change so that a simulated negotiation succeeds: where it is (file and line, or the default it
 * comes from), what it says now and what to make of it. Several changes of one outcome are alternatives unless
 * their text says otherwise (either side can give in). Never holds a secret: a pre-shared key is named, not shown.
 *
 * @param setting what the setting is, in words common to the implementations ("IKE proposals", "remote identity")
 * @param now     what the file says (or the default), as the report writes it
 * @param to      what to change it to
 */
public record Change(Side side, Origin origin, String setting, String now, String to) {
}
