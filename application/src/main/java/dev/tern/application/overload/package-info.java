/**
 * Overload protection: a monitor that watches heap use and the storage writer's backlog and, past
 * a high-water mark, stops reading from publishers (heaviest first) until both are back below a
 * low-water mark, so that the broker slows its clients down instead of running out of memory.
 */
package dev.tern.application.overload;
