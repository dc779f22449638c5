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

  function ofGroup(series, group) {
    return series.filter(function (s) {
      return !group || s.group === group;
    });
  }

  // One trend chart and one per-unit chart per group of figures (data-sv-group).
  document.querySelectorAll("[data-sv-chart='trend']").forEach(function (element) {
    var series = ofGroup(data.trend, element.getAttribute("data-sv-group"));
    if (!series.length) {
      return;
    }
    draw(element, {
      tooltip: tooltip,
      legend: { type: "scroll", top: 0 },
      grid: grid,
      xAxis: { type: "category", data: data.months },
      yAxis: { type: "value", minInterval: 1 },
      series: series.map(function (s) {
        return { name: s.name, type: "line", data: s.data };
      })
    });
  });

  document.querySelectorAll("[data-sv-chart='units']").forEach(function (element) {
    var series = ofGroup(data.perUnit, element.getAttribute("data-sv-group"));
    if (!series.length || !data.units.length) {
      return;
    }
    // only the units with something to show, so that a bar chart of 46 units stays readable
    var keep = data.units.map(function (_, index) {
      return series.some(function (s) {
        return s.data[index] > 0;
      });
    });
    var units = data.units.filter(function (_, index) {
      return keep[index];
    });
    if (!units.length) {
      return;
    }
    element.style.height = Math.max(240, units.length * 24 + 120) + "px";
    draw(element, {
      tooltip: tooltip,
      legend: { type: "scroll", top: 0 },
      grid: grid,
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: units, inverse: true },
      series: series.map(function (s) {
        return {
          name: s.name,
          type: "bar",
          stack: "total",
          data: s.data.filter(function (_, index) {
            return keep[index];
          })
        };
      })
    });
  });
})();
