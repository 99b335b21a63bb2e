package io.kehu.plugins.survey;

import io.kehu.sdk.KehuPlugin;
import io.kehu.sdk.PluginContext;

/**
 * Satisfaction surveys by dimension (产品质量、服务态度、响应速度、价格、总体), NPS and CSAT; SurveyJS import; staff entry
 * for phone revisits; the customer's Satisfaction tab; a follow-up task for every low score.
 */
public class SurveyPlugin extends KehuPlugin {

    public SurveyPlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        SurveyCatalog catalog = new SurveyCatalog(context());
        if (catalog.shipStandard()) {
            context().logger().info("survey: first start, the standard satisfaction survey ({}) created",
                    StandardSurvey.KEY);
        }
        context().logger().info("survey {} started with {} surveys", context().pluginVersion(), catalog.all().size());
    }
}
