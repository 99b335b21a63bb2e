/**
 * Demo data: believable customers with contacts, interactions, purchases and feedback for a new installation, written
 * through the record store like any other data.
 */
package io.kehu.platform.demo;
