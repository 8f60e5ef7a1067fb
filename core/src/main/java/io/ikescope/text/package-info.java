/** Text of numbers as reports write them, without the JDK formatter's cold start. */
package io.ikescope.text;
