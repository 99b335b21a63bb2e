package io.kehu.platform.demo;

import java.util.Random;

/**
 * Names, numbers and addresses that read like a Chinese company's real customer list: trade names with their pinyin
 * for e-mail domains, cities with their province, districts and landline area codes, mainland mobiles, and the
 * e-mail providers people in China actually use. Datafaker's Chinese locale gives good person names but English-style
 * street addresses and e-mail domains, so those come from here.
 */
final class ChinaSamples {

    /** A city with its province, landline area code and a few districts. */
    private record City(String province, String city, String areaCode, String[] districts) {
    }

    private static final City[] CITIES = {
        new City("", "上海市", "021", new String[] {"浦东新区", "徐汇区", "静安区", "闵行区", "长宁区"}),
        new City("", "北京市", "010", new String[] {"朝阳区", "海淀区", "东城区", "丰台区", "通州区"}),
        new City("广东省", "广州市", "020", new String[] {"天河区", "越秀区", "海珠区", "番禺区", "白云区"}),
        new City("广东省", "深圳市", "0755", new String[] {"南山区", "福田区", "宝安区", "龙岗区", "罗湖区"}),
        new City("浙江省", "杭州市", "0571", new String[] {"西湖区", "滨江区", "余杭区", "拱墅区", "萧山区"}),
        new City("江苏省", "苏州市", "0512", new String[] {"姑苏区", "工业园区", "吴中区", "相城区", "虎丘区"}),
        new City("江苏省", "南京市", "025", new String[] {"鼓楼区", "玄武区", "建邺区", "江宁区", "秦淮区"}),
        new City("四川省", "成都市", "028", new String[] {"锦江区", "武侯区", "高新区", "成华区", "青羊区"}),
        new City("湖北省", "武汉市", "027", new String[] {"江汉区", "洪山区", "武昌区", "江岸区", "汉阳区"}),
        new City("陕西省", "西安市", "029", new String[] {"雁塔区", "碑林区", "未央区", "新城区", "长安区"}),
        new City("山东省", "青岛市", "0532", new String[] {"市南区", "市北区", "崂山区", "黄岛区", "李沧区"}),
        new City("辽宁省", "沈阳市", "024", new String[] {"和平区", "沈河区", "铁西区", "皇姑区", "浑南区"}),
        new City("", "天津市", "022", new String[] {"和平区", "河西区", "南开区", "滨海新区", "河东区"}),
        new City("福建省", "厦门市", "0592", new String[] {"思明区", "湖里区", "集美区", "海沧区", "同安区"}),
        new City("湖南省", "长沙市", "0731", new String[] {"岳麓区", "芙蓉区", "天心区", "开福区", "雨花区"}),
    };

    /** Trade names (字号) and the pinyin a company would register its domain with. */
    private static final String[][] TRADE_NAMES = {
        {"恒达", "hengda"}, {"华信", "huaxin"}, {"鼎盛", "dingsheng"}, {"瑞丰", "ruifeng"}, {"天成", "tiancheng"},
        {"博远", "boyuan"}, {"金诚", "jincheng"}, {"新元", "xinyuan"}, {"嘉禾", "jiahe"}, {"宏图", "hongtu"},
        {"东方", "dongfang"}, {"启明", "qiming"}, {"安泰", "antai"}, {"中联", "zhonglian"}, {"永祥", "yongxiang"},
        {"联创", "lianchuang"}, {"凯越", "kaiyue"}, {"盛世", "shengshi"}, {"汇通", "huitong"}, {"锦程", "jincheng"},
    };

    /** Line of business (行业字) and a short English tag for the domain. */
    private static final String[][] BUSINESS_WORDS = {
        {"科技", "tech"}, {"贸易", "trade"}, {"制造", "mfg"}, {"餐饮管理", "food"}, {"物流", "logistics"},
        {"医疗器械", "med"}, {"教育咨询", "edu"}, {"电子商务", "ec"}, {"建材", "bm"}, {"商贸", "trading"},
    };

    private static final String[] ROADS = {"人民路", "中山路", "解放路", "建设路", "长江路", "科技园路", "新华路",
        "文化路", "创业大道", "滨江大道"};
    private static final String[] BUILDINGS = {"国际大厦", "科技园", "商务中心", "创意园", "金融广场", "产业园"};
    private static final String[] MAIL_PROVIDERS = {"qq.com", "163.com", "126.com", "sina.com", "foxmail.com",
        "139.com"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "135", "136", "137", "138", "139", "150",
        "151", "152", "155", "156", "158", "159", "166", "176", "177", "180", "181", "182", "185", "186", "187",
        "188", "189", "191", "198", "199"};

    private final Random random;
    private final City city;
    private final String[] tradeName;
    private final String[] business;

    /** One customer's sample: a city and, for a company, its trade name are drawn once and reused. */
    ChinaSamples(Random random) {
        this.random = random;
        this.city = pick(CITIES);
        this.tradeName = pick(TRADE_NAMES);
        this.business = pick(BUSINESS_WORDS);
    }

    /** e.g. 杭州恒达科技有限公司 */
    String companyName() {
        return city.city().replace("市", "") + tradeName[0] + business[0] + "有限公司";
    }

    /** A company's address such as 浙江省杭州市滨江区科技园路 88 号国际大厦 12 层. */
    String address() {
        return city.province() + city.city() + pick(city.districts()) + pick(ROADS) + (1 + random.nextInt(399))
                + "号" + (random.nextBoolean() ? pick(BUILDINGS) + (2 + random.nextInt(28)) + "层" : "");
    }

    /** A landline in the customer's city, e.g. 0571-87654321. */
    String landline() {
        int digits = city.areaCode().length() == 3 ? 8 : (random.nextBoolean() ? 8 : 7);
        int first = 2 + random.nextInt(7);
        StringBuilder number = new StringBuilder(city.areaCode()).append('-').append(first);
        for (int i = 1; i < digits; i++) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }

    /** A mainland mobile such as 13912345678, from a prefix the carriers really use. */
    String mobile() {
        return pick(MOBILE_PREFIXES) + String.format("%08d", random.nextInt(100_000_000));
    }

    /** A company mailbox on its own domain, e.g. sales@hengda-tech.cn. */
    String companyEmail() {
        String box = pick(new String[] {"sales", "info", "service", "purchase", "admin"});
        return box + "@" + tradeName[1] + "-" + business[1] + (random.nextBoolean() ? ".com" : ".cn");
    }

    /** A personal mailbox as people in China have them: a QQ number or a name with digits at a big provider. */
    String personalEmail() {
        if (random.nextInt(3) == 0) {
            return (10_000_000 + random.nextInt(899_999_999)) + "@qq.com";
        }
        String[] letters = pick(TRADE_NAMES);
        return letters[1] + (1970 + random.nextInt(35)) + "@" + pick(MAIL_PROVIDERS);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
