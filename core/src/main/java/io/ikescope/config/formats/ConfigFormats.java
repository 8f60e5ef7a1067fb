package io.ikescope.config.formats;

import io.ikescope.config.ConfigReaders;
import io.ikescope.config.cisco.CiscoIosReader;
import io.ikescope.config.fortios.FortiosReader;
import io.ikescope.config.libreswan.LibreswanReader;
import io.ikescope.config.mikrotik.MikrotikReader;
import io.ikescope.config.strongswan.IpsecConfReader;
import io.ikescope.config.strongswan.SwanctlReader;
import java.util.List;

/** Every configuration reader ikescope has, in the order they are asked whether they recognise a file. */
public final class ConfigFormats {
    private ConfigFormats() {
    }

    public static ConfigReaders standard() {
        return new ConfigReaders(List.of(
                new CiscoIosReader(),
                // libreswan before strongSwan's ipsec.conf reader: both files are ipsec.conf; libreswan's
                // detection needs libreswan-only evidence, strongSwan's reader takes the rest.
                new LibreswanReader(),
                new SwanctlReader(),
                new IpsecConfReader(),
                new FortiosReader(),
                new MikrotikReader()));
    }
}
