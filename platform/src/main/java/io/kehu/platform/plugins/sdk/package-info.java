/**
 * The host's side of the SDK: one {@code Sdk*} class per SDK interface (records, bulk writes, transactions, JSON,
 * exports, scripts, services, users, workflows, components), the per-plugin context that hands them out and the event
 * bus plugins listen on. Internal to {@code plugins}: the rest of the platform reaches plugins through
 * {@link io.kehu.platform.plugins.PluginHost}, so a change to how the SDK is served never leaks into other features.
 */
package io.kehu.platform.plugins.sdk;
