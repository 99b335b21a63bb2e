package io.kehu.plugins.visits;

import java.util.List;

/**
 * The visit types and checklists Kehu ships, written once into the admin-editable forms. The closing checklist is
 * the seeds' code of conduct for visits (上门服务准则).
 */
final class ShippedCatalog {

    record Item(String zh, String en, boolean required, boolean photo) {
    }

    record Type(String kind, String zh, String en, int minutes, List<Item> items) {
    }

    static final List<Item> CODE_OF_CONDUCT = List.of(
            new Item("未经客户允许，未使用客户的任何物品", "Used nothing of the customer's without permission", true, false),
            new Item("作业现场已清理干净", "Cleaned up the work area", true, false),
            new Item("废弃物按客户同意的方式处理（客户同意才带走）", "Removed waste only as the customer agreed", true, false),
            new Item("当着客户的面离开，客户在场确认", "Left under the customer's eyes", true, false),
            new Item("未收取现金；如需另付费用，已告知客户通过银行转账付给公司",
                    "Took no cash; any extra payment goes by bank transfer to the company", true, false));

    static final List<Type> TYPES = List.of(
            new Type("installation", "安装", "Installation", 120, List.of(
                    new Item("核对设备型号与订单一致", "Equipment model matches the order", true, false),
                    new Item("按规范安装并通电测试", "Installed to standard and tested under power", true, true),
                    new Item("向客户演示使用方法", "Showed the customer how to use it", true, false))),
            new Type("repair", "维修", "Repair", 90, List.of(
                    new Item("确认故障现象", "Confirmed the fault", true, false),
                    new Item("更换或修复故障部件", "Replaced or repaired the faulty part", true, true),
                    new Item("修复后试运行正常", "Runs normally after the repair", true, false))),
            new Type("maintenance", "保养", "Maintenance", 60, List.of(
                    new Item("清洁与润滑", "Cleaned and lubricated", true, false),
                    new Item("检查易损件并记录", "Checked and noted wearing parts", true, false),
                    new Item("填写保养记录贴", "Filled in the maintenance sticker", false, true))),
            new Type("inspection", "巡检", "Inspection", 45, List.of(
                    new Item("外观与安全检查", "Checked appearance and safety", true, false),
                    new Item("运行参数记录", "Recorded the operating figures", true, false))),
            new Type("complaint", "投诉上门处理", "Complaint on site", 60, List.of(
                    new Item("当面了解客户诉求", "Heard the customer's complaint in person", true, false),
                    new Item("现场处理或约定解决方案", "Resolved it on site or agreed a solution", true, false),
                    new Item("客户对处理结果表态", "The customer said whether they accept the result", true, false))),
            new Type("relationship", "客户关系拜访", "Relationship visit", 60, List.of(
                    new Item("了解客户近期需求与使用情况", "Asked about recent needs and use", true, false),
                    new Item("介绍新产品或服务（如适用）", "Introduced new products or services (if fitting)", false, false))));

    private ShippedCatalog() {
    }
}
