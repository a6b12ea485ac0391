// Starts the official Web Chat widget on the local Direct Line (loaded as a file: the CSP forbids inline scripts).
(function () {
  var showError = function (message) {
    var box = document.getElementById('error');
    box.textContent = message;
    box.style.display = 'block';
    document.getElementById('webchat').style.display = 'none';
  };
  if (!window.WebChat) {
    showError("Le module de conversation n'a pas pu être chargé. Rechargez la page ; si le problème persiste, lancez « npm run setup:webchat » sur le serveur.");
    return;
  }
  var userID = localStorage.getItem('ha30.userId');
  if (!userID) {
    userID = 'web_' + Math.random().toString(36).slice(2) + Date.now().toString(36);
    localStorage.setItem('ha30.userId', userID);
  }
  var directLine = window.WebChat.createDirectLine({
    domain: window.location.origin + '/v3/directline',
    webSocket: false,
    token: 'local'
  });
  // Direct Line's states (botframework-directlinejs ConnectionStatus): 3 ExpiredToken, 4 FailedToConnect,
  // 5 Ended. After a restart of the assistant the page's conversation is gone: say so, and how to go on,
  // instead of messages failing one by one without a word.
  var LOST = [3, 4, 5];
  directLine.connectionStatus$.subscribe(function (status) {
    if (LOST.indexOf(status) === -1 || document.getElementById('lost')) return;
    var notice = document.createElement('div');
    notice.id = 'lost';
    notice.setAttribute('role', 'alert');
    notice.className = 'notice';
    notice.textContent = "La conversation a été interrompue (l'assistant a peut-être redémarré). Rechargez la page pour en commencer une nouvelle : vos fichiers seront à redéposer. ";
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Recharger la page';
    reload.addEventListener('click', function () { window.location.reload(); });
    notice.appendChild(reload);
    document.querySelector('main').insertBefore(notice, document.getElementById('webchat'));
  });
  window.WebChat.renderWebChat({
    directLine: directLine,
    userID: userID,
    username: 'Vous',
    locale: 'fr-FR',
    styleOptions: {
      botAvatarInitials: 'HA',
      userAvatarInitials: 'V',
      hideUploadButton: false,
      accent: '#003b5c',
      bubbleBorderRadius: 8,
      suggestedActionLayout: 'flow'
    }
  }, document.getElementById('webchat'));
  document.querySelector('#webchat').focus();
})();
