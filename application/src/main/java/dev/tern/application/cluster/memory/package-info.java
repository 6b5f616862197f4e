/**
 * The cluster ports in memory: several nodes in one process sharing one {@link
 * dev.tern.application.cluster.memory.InMemoryCluster}, for fast tests of the engine's cluster
 * behaviour. Not durable, and it fences no store: a real cluster runs on a backend that can carry
 * one (Redis).
 */
package dev.tern.application.cluster.memory;
