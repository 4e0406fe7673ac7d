// Filters of the directives report: assignee, status, year, province.
// The choice is kept in the address (#status=overdue&year=2019), so a filtered
// view can be bookmarked or handed on; opening such an address applies it.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.directive'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.assignee'));
  var shown = document.getElementById('shown');
  var none = document.getElementById('none');

  // data-years and data-provinces list values between bars: |2019|2020|.
  function listed(list, value) {
    return (list || '').indexOf('|' + value + '|') >= 0;
  }

  function chosen() {
    var f = {};
    selects.forEach(function (s) { f[s.name] = s.value; });
    return f;
  }

  function apply() {
    var f = chosen();
    var count = 0;
    rows.forEach(function (r) {
      var d = r.dataset;
      var ok = (!f.assignee || d.assignee === f.assignee) &&
        (!f.status || d.status === f.status) &&
        (!f.year || listed(d.years, f.year)) &&
        (!f.province || listed(d.provinces, f.province));
      r.hidden = !ok;
      if (ok) { count += 1; }
    });
    sections.forEach(function (s) {
      var total = s.querySelectorAll('tr.directive').length;
      var visible = s.querySelectorAll('tr.directive:not([hidden])').length;
      s.hidden = visible === 0;
      s.querySelector('.count').textContent =
        (visible === total ? '' : visible + ' of ') + total + (total === 1 ? ' directive' : ' directives');
    });
    shown.textContent = String(count);
    none.hidden = count > 0;
    var parts = [];
    selects.forEach(function (s) {
      if (s.value) { parts.push(s.name + '=' + encodeURIComponent(s.value)); }
    });
    try {
      history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search);
    } catch (e) {
      // Some browsers refuse this on file: pages; the filters work all the same.
    }
  }

  function fromAddress() {
    var wanted = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (p) {
      var i = p.indexOf('=');
      if (i > 0) {
        try {
          wanted[p.slice(0, i)] = decodeURIComponent(p.slice(i + 1));
        } catch (e) {
          // A malformed value is ignored.
        }
      }
    });
    selects.forEach(function (s) {
      var v = wanted[s.name] || '';
      var known = Array.prototype.some.call(s.options, function (o) { return o.value === v; });
      s.value = known ? v : '';
    });
  }

  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  window.addEventListener('hashchange', function () { fromAddress(); apply(); });
  fromAddress();
  apply();
}());
