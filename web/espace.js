// Signed-in pages: who is connected, and signing out (a file: the CSP forbids inline scripts).
(function () {
  'use strict';
  var csrfToken = null;
  fetch('/api/session', { headers: { Accept: 'application/json' } })
    .then(function (response) {
      return response.status === 200 ? response.json() : null;
    })
    .then(function (me) {
      if (!me) return;
      csrfToken = me.csrfToken;
      var who = me.name ? me.name + ' (' + me.login + ')' : me.login;
      var where = me.orgName ? ' — ' + me.orgName : me.role === 'cci' ? ' — CCI Gard' : '';
      document.getElementById('who').textContent = 'Connecté en tant que ' + who + where + '.';
    })
    .catch(function () {
      // The page stays usable; signing out will say if the server is unreachable.
    });
  var button = document.getElementById('sign-out');
  if (button) {
    button.addEventListener('click', function () {
      fetch('/api/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken || '' } }).then(
        function () {
          window.location.assign('/connexion');
        },
        function () {
          button.textContent = 'Déconnexion impossible : le serveur ne répond pas, réessayez.';
        }
      );
    });
  }
})();
