(function () {
  var table = document.getElementById('nominations');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var district = document.getElementById('filter-district');
  var title = document.getElementById('filter-title');
  var type = document.getElementById('filter-type');
  var text = document.getElementById('filter-text');
  var shown = document.getElementById('shown-count');
  var noMatch = document.getElementById('no-match');
  var collator = new Intl.Collator('vi', {numeric: true});
  // counts as the page writes them: 10.000 in Vietnamese, 10,000 in English
  var numbers = new Intl.NumberFormat(document.documentElement.lang || 'vi');
  function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }
  rows.forEach(function (r) { r.searchText = fold(r.getAttribute('data-search')); });
  function zebra() {
    var odd = false;
    rows.forEach(function (r) { if (!r.hidden) { r.classList.toggle('odd', odd); odd = !odd; } });
  }
  function apply() {
    var d = district.value, t = title.value, y = type.value, q = fold(text.value.trim()), n = 0;
    rows.forEach(function (r) {
      var titles = ' ' + r.getAttribute('data-titles') + ' ';
      var ok = (!d || r.getAttribute('data-district') === d)
        && (!y || r.getAttribute('data-type') === y)
        && (!t || (t === '-' ? titles.trim() === '' : titles.indexOf(' ' + t + ' ') >= 0))
        && (!q || r.searchText.indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = numbers.format(n);
    noMatch.hidden = n > 0;
    zebra();
  }
  [district, title, type].forEach(function (e) { e.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  document.getElementById('filter-reset').addEventListener('click', function () {
    district.value = ''; title.value = ''; type.value = ''; text.value = ''; apply();
  });
  var heads = Array.prototype.slice.call(table.tHead.querySelectorAll('th[data-key]'));
  heads.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var numeric = th.getAttribute('data-sort') === 'num';
      var now = th.getAttribute('aria-sort');
      var dir = now === 'descending' ? 'ascending' : now === 'ascending' ? 'descending'
        : numeric ? 'descending' : 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var key = 'data-' + th.getAttribute('data-key'), sign = dir === 'ascending' ? 1 : -1;
      rows.sort(function (a, b) {
        var x = a.getAttribute(key), z = b.getAttribute(key), c;
        if (numeric) {
          if (x === '' || z === '') c = x === z ? 0 : x === '' ? 1 : -1;
          else c = sign * (Number(x) - Number(z));
        } else {
          c = sign * collator.compare(x, z);
        }
        return c || Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
      });
      rows.forEach(function (r) { body.appendChild(r); });
      zebra();
    });
  });
  document.getElementById('controls').hidden = false;
  apply();
})();
