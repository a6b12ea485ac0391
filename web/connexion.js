// The sign-in page (a file: the CSP forbids inline scripts). Also loaded by the tests under Node,
// for `safeReturn`, which is why the DOM part only runs in a browser.
(function () {
  'use strict';

  /**
   * Where to go after signing in, from `?retour=`: a path of this very site ("/acheteurs?x=1"),
   * never another one ("//evil.example", "/\evil.example", "https://…", "javascript:…"). The value
   * is resolved against `origin` as the browser would, and kept only if it stays there.
   */
  function safeReturn(value, origin) {
    if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return null;
    if (value.charAt(0) !== '/' || value.charAt(1) === '/' || value.charAt(1) === '\\') return null;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
    var url;
    try {
      url = new URL(value, origin);
    } catch (e) {
      return null;
    }
    if (url.origin !== origin || url.pathname === '/connexion') return null;
    return url.pathname + url.search + url.hash;
  }

  if (typeof document === 'undefined') {
    if (typeof module === 'object' && module.exports) module.exports = { safeReturn: safeReturn };
    return;
  }

  var form = document.getElementById('sign-in');
  var errorBox = document.getElementById('error');
  var submit = document.getElementById('submit');
  var asked = new URLSearchParams(window.location.search).get('retour');
  var csrfToken = null;
  var home = null;

  if (asked !== null) document.getElementById('asked').hidden = false;

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  function destination() {
    return safeReturn(asked, window.location.origin) || home || '/acheteurs';
  }

  function messageOf(response, fallback) {
    return response.json().then(
      function (body) {
        return (body && body.error && body.error.message) || fallback;
      },
      function () {
        return fallback;
      }
    );
  }

  function whoAmI() {
    return fetch('/api/session', { headers: { Accept: 'application/json' } }).then(function (response) {
      if (response.status !== 200) return null;
      return response.json();
    });
  }

  // A sign-in made while already signed in needs that session's CSRF token: the form waits for it.
  var ready = whoAmI().then(
    function (me) {
      if (!me) return;
      csrfToken = me.csrfToken;
      home = me.home;
      document.getElementById('signed-in-name').textContent = me.name ? me.name + ' (' + me.login + ')' : me.login;
      document.getElementById('signed-in').hidden = false;
    },
    function () {
      // Not signed in, or the server is unreachable: the form says so when it is used.
    }
  );

  document.getElementById('continue').addEventListener('click', function () {
    window.location.assign(destination());
  });

  document.getElementById('sign-out').addEventListener('click', function () {
    fetch('/api/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken || '' } }).then(function () {
      window.location.reload();
    });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    errorBox.hidden = true;
    var login = document.getElementById('login').value.trim();
    var password = document.getElementById('password').value;
    if (!login || !password) {
      showError('Indiquez votre identifiant et votre mot de passe.');
      return;
    }
    submit.disabled = true;
    ready
      .then(function () {
        var headers = { 'Content-Type': 'application/json' };
        if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
        return fetch('/api/session', { method: 'POST', headers: headers, body: JSON.stringify({ login: login, password: password }) });
      })
      .then(function (response) {
        if (response.status === 204) {
          return whoAmI().then(function (me) {
            home = me && me.home;
            window.location.assign(destination());
          });
        }
        document.getElementById('password').value = '';
        var fallback = response.status === 429 ? 'Trop de tentatives de connexion : réessayez plus tard.' : 'Connexion impossible : réessayez.';
        return messageOf(response, fallback).then(showError);
      })
      .catch(function () {
        showError('Le serveur ne répond pas : vérifiez votre connexion et réessayez.');
      })
      .then(function () {
        submit.disabled = false;
      });
  });
})();
