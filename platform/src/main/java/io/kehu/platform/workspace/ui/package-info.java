/** The home page's boxes, laid out in a grid that is several columns wide on a desktop and one on a phone. */
package io.kehu.platform.workspace.ui;
