/**
 * Start-up checks: catch the two mistakes people make most when starting Kehu (a database that does not answer,
 * a port already taken) before anything else starts, and report each as one line naming the setting to change.
 */
package io.kehu.platform.startup;
