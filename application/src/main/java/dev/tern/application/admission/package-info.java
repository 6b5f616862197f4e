/**
 * The connection limits the transports meet at accept ({@link
 * dev.tern.application.port.in.ConnectionAdmission}): broker-wide, per listener, per source
 * address, and the accept rate per listener. Internal: transports see only the port.
 */
package dev.tern.application.admission;
