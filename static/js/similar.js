/* "Has someone already done this?" — progressive enhancement of step one of the innovation
 * form (templates/innovations/innovation_form_similar.html). Without JavaScript the aside is
 * filled by the server after saving; with it, it follows what the innovator types and picks,
 * a moment after they stop. It never blocks or changes the form. */
(function () {
  "use strict";

  var aside = document.querySelector("aside.similar[data-similar-url]");
  var form = document.querySelector("form.step-form");
  if (!aside || !form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var results = aside.querySelector(".similar__results");
  var timer = null;
  var lastQuery = null;

  function currentQuery() {
    var params = new URLSearchParams();
    form.querySelectorAll('input[name="challenges"]:checked').forEach(function (box) {
      params.append("challenge", box.value);
    });
    var problem = form.querySelector('[name="problem"]');
    if (problem) {
      params.set("q", problem.value.slice(0, 2000));
    }
    if (aside.dataset.exclude) {
      params.set("exclude", aside.dataset.exclude);
    }
    return params.toString();
  }

  function paragraph(text) {
    var p = document.createElement("p");
    p.textContent = text;
    return p;
  }

  function render(items) {
    var nodes = [];
    if (items.length) {
      nodes.push(paragraph(aside.dataset.textFound));
      var list = document.createElement("ul");
      list.className = "similar__list";
      items.forEach(function (item) {
        var li = document.createElement("li");
        li.lang = item.language;
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = item.name;
        li.appendChild(link);
        if (item.tagline) {
          var tagline = document.createElement("span");
          tagline.className = "similar__tagline";
          tagline.textContent = item.tagline;
          li.appendChild(tagline);
        }
        list.appendChild(li);
      });
      nodes.push(list);
    } else {
      nodes.push(paragraph(aside.dataset.textNone));
    }
    results.replaceChildren.apply(results, nodes);
  }

  function refresh() {
    var query = currentQuery();
    if (query === lastQuery) {
      return;
    }
    lastQuery = query;
    fetch(aside.dataset.similarUrl + "?" + query, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && query === lastQuery) {
          render(data.results);
        }
      })
      .catch(function () {
        /* Suggestions are a help, never a requirement: keep what is shown. */
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 700);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
