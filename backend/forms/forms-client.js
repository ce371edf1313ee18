// The forms' script (served as /forms/forms.js): sends the form to the intake API as JSON, with
// an Idempotency-Key that stays the same while the form is unchanged (a retry after a lost
// answer creates nothing twice), and shows the API's field errors next to their fields.
'use strict';
(function () {
  var form = document.getElementById('intake');
  if (!form) return;
  var kind = form.getAttribute('data-kind');
  var summary = document.getElementById('summary');
  var status = document.getElementById('status');
  var key = null;
  var newKey = function () {
    key = window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
  };
  newKey();
  form.addEventListener('input', newKey);
  form.addEventListener('change', newKey);

  // Character counts for fields with a limit: the API refuses more, nothing is cut.
  Array.prototype.forEach.call(form.querySelectorAll('[data-max]'), function (el) {
    var max = Number(el.getAttribute('data-max'));
    var count = document.getElementById(el.id + '-count');
    var update = function () {
      var left = max - el.value.length;
      count.textContent = left >= 0 ? 'Noch ' + left.toLocaleString('de-DE') + ' von ' + max.toLocaleString('de-DE') + ' Zeichen.' : (-left).toLocaleString('de-DE') + ' Zeichen zu viel (höchstens ' + max.toLocaleString('de-DE') + ').';
      count.className = left >= 0 ? 'count' : 'count over';
    };
    el.addEventListener('input', update);
  });

  function value(name) {
    var el = form.elements.namedItem(name);
    if (!el) return undefined;
    if (el instanceof RadioNodeList) return el.value;
    return el.value;
  }

  function body() {
    var salutation = value('salutation') || null;
    var consent = { noticeVersion: form.getAttribute('data-notice'), at: new Date().toISOString() };
    if (kind === 'callback') {
      return {
        salutation: salutation,
        name: value('name'),
        phone: value('phone'),
        preferredDate: value('preferredDate'),
        preferredWindow: { from: value('preferredWindow.from'), to: value('preferredWindow.to') },
        topic: value('topic'),
        note: value('note') || null,
        consent: consent,
      };
    }
    return { salutation: salutation, name: value('name'), email: value('email'), category: value('category'), subject: value('subject'), message: value('message'), consent: consent };
  }

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll('.error'), function (p) {
      p.hidden = true;
      p.textContent = '';
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
    });
    summary.hidden = true;
    summary.textContent = '';
  }

  function showErrors(fields) {
    var list = document.createElement('ul');
    Object.keys(fields).forEach(function (path) {
      var name = path === 'consent.at' || path === 'consent.noticeVersion' ? 'consent' : path;
      var box = form.querySelector('[data-field="' + name + '"]');
      var error = box ? box.querySelector('.error') : null;
      var control = box ? box.querySelector('input, select, textarea') : null;
      if (error) {
        error.textContent = fields[path];
        error.hidden = false;
      }
      if (control) control.setAttribute('aria-invalid', 'true');
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = control ? '#' + control.id : '#intake';
      var label = box ? box.querySelector('label, legend') : null;
      link.textContent = (label ? label.textContent.replace('(Pflichtfeld)', '').trim() + ': ' : '') + fields[path];
      item.appendChild(link);
      list.appendChild(item);
    });
    var heading = document.createElement('p');
    heading.textContent = 'Bitte prüfen Sie Ihre Angaben:';
    summary.appendChild(heading);
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    if (!document.getElementById('f-consent').checked) {
      showErrors({ consent: 'Bitte der Verarbeitung Ihrer Angaben zustimmen.' });
      return;
    }
    status.textContent = 'Wird gesendet …';
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    fetch('/api/v1/intake/' + kind, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body()) })
      .then(function (res) {
        return res.json().then(function (answer) {
          return { status: res.status, answer: answer };
        });
      })
      .then(function (r) {
        button.disabled = false;
        status.textContent = '';
        if (r.status === 201) {
          window.location.assign('/forms/danke?zeichen=' + encodeURIComponent(r.answer.reference) + '&art=' + encodeURIComponent(kind));
        } else if (r.status === 400 && r.answer.fields) {
          showErrors(r.answer.fields);
        } else if (r.status === 429) {
          showErrors({ '(form)': 'Sie haben gerade viele Formulare gesendet. Bitte versuchen Sie es in einer Minute erneut.' });
        } else {
          showErrors({ '(form)': 'Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.' });
        }
      })
      .catch(function () {
        button.disabled = false;
        status.textContent = '';
        showErrors({ '(form)': 'Keine Verbindung. Bitte prüfen Sie Ihre Internetverbindung und senden Sie erneut; doppelt ankommen kann nichts.' });
      });
  });
})();
