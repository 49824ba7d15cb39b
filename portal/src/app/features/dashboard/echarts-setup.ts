import * as echarts from 'echarts/core';
import { BarChart, FunnelChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import 'echarts-wordcloud';

/** Tree-shaken ECharts: only what the dashboard draws, registered once when this lazy chunk loads. */
echarts.use([FunnelChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
