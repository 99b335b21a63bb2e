/** The 工作日历 screen {@code admin/calendar} where administrators edit the company's holidays. Internal to calendar. */
package io.kehu.platform.calendar.ui;
