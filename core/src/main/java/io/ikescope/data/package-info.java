/** Readers of the data tables shipped as resources (TSV). */
package io.ikescope.data;
