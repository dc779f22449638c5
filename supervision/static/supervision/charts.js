/* Draws the supervision charts from the JSON island #sv-chart-data (no inline script: the
   public pages' CSP allows scripts from this site only). The same figures are in the tables
   next to each chart; without JavaScript the tables remain. Tooltips are drawn on the canvas
   (renderMode "richText"), so no inline style is written into the page. */
(function () {
  "use strict";
  var island = document.getElementById("sv-chart-data");
  if (!island || !window.echarts) {
    return;
  }
  var data = JSON.parse(island.textContent);
  var tooltip = { trigger: "axis", renderMode: "richText" };
  var grid = { left: 48, right: 24, top: 56, bottom: 48, containLabel: true };

  function draw(element, option) {
    element.hidden = false;
    var chart = window.echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(option);
    window.addEventListener("resize", function () {
      chart.resize();
    });
  }

  var trend = document.querySelector("[data-sv-chart='trend']");
  if (trend) {
    draw(trend, {
      tooltip: tooltip,
      legend: { type: "scroll", top: 0 },
      grid: grid,
      xAxis: { type: "category", data: data.months },
      yAxis: { type: "value", minInterval: 1 },
      series: data.trend.map(function (s) {
        return { name: s.name, type: "line", data: s.data };
      })
    });
  }

  var units = document.querySelector("[data-sv-chart='units']");
  if (units && data.units.length) {
    units.style.height = Math.max(360, data.units.length * 22 + 120) + "px";
    draw(units, {
      tooltip: tooltip,
      legend: { type: "scroll", top: 0 },
      grid: grid,
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: data.units, inverse: true },
      series: data.perUnit.map(function (s) {
        return { name: s.name, type: "bar", stack: "total", data: s.data };
      })
    });
  }
})();
