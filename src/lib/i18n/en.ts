/** English catalog: the source of truth for message keys. `{name}` marks an interpolated value. */
export const en = {
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to content',
  'app.tagline': 'Private self-help support, on your device',

  'nav.label': 'Main',
  'nav.chat': 'Chat',
  'nav.checkin': 'Check-in',
  'nav.mood': 'Mood',
  'nav.tools': 'Tools',
  'nav.settings': 'Privacy & Settings',

  'help.button': 'Get help now',
  'help.title': 'Get help now',
  'help.intro':
    'If you are in danger or might act on thoughts of harming yourself, please contact someone now. You do not have to go through this alone.',
  'help.emergency': 'Emergency: call {numbers}',
  'help.call': 'Call {number}',
  'help.text': 'Text {number}',
  'help.textWithBody': 'Text {body} to {number}',
  'help.website': 'Open website',
  'help.region': 'Region',
  'help.offlineNote': 'These numbers are stored in the app and work offline.',
  'help.close': 'Close',

  'ai.notice': 'You are talking to an AI, not a person.',

  'lang.label': 'Language',

  'consent.title': 'Welcome to {name}',
  'consent.whatIs':
    '{name} is a private self-help companion. An AI runs on this device to listen and offer support and self-help exercises. What you write stays on this device.',
  'consent.isNotTitle': 'What it is not',
  'consent.isNot1': 'It is not therapy and does not give a diagnosis or medical advice.',
  'consent.isNot2': 'It is not a person: replies come from an AI and can be wrong.',
  'consent.isNot3': 'It is not for emergencies.',
  'consent.emergencyTitle': 'In an emergency',
  'consent.emergencyBody':
    'If you are in danger, call {emergency} now. To talk to someone about how you feel, contact {line}.',
  'consent.ageTitle': 'Your age',
  'consent.ageConfirm': 'I am {age} or older.',
  'consent.ageUnder': 'I am younger than {age}.',
  'consent.underAge':
    '{name} is for people aged {age} and over. Please talk to an adult you trust, or use the help lines below.',
  'consent.storageTitle': 'Saving on this device',
  'consent.storageBody':
    'You can let {name} save your conversations, moods and check-ins on this device, encrypted, so you can come back to them. Nothing is ever sent anywhere. You can erase everything at any time.',
  'consent.storageYes': 'Save on this device',
  'consent.storageYesHint': 'I agree that my conversations, moods and check-ins are stored on this device.',
  'consent.storageNo': 'Anonymous session',
  'consent.storageNoHint': 'Save nothing. Everything is gone when you close this tab.',
  'consent.continue': 'Continue',
  'consent.needAge': 'Please confirm your age to continue.',
  'consent.needStorage': 'Please choose whether to save on this device.',

  'session.anonymous': 'Anonymous session: nothing is saved',
  'session.saving': 'Saving on this device',

  'chat.title': 'Chat',
  'chat.emptyTitle': 'A quiet place to talk',
  'chat.emptyBody':
    'The on-device counselor is not set up yet. When it is, you will be able to talk here about whatever is on your mind.',
  'chat.emptyAction': 'Meanwhile, try a self-help tool',

  'checkin.title': 'Check-in',

  'mood.title': 'Mood',
  'mood.emptyTitle': 'No moods recorded yet',
  'mood.emptyBody': 'Daily check-ins and the moods of your chats will appear here as a chart over time.',

  'tools.title': 'Tools',
  'tools.emptyTitle': 'Self-help tools are on their way',
  'tools.emptyBody':
    'Breathing exercises, grounding, thought records and a journal will live here, all working offline.',
  'tools.groundingTitle': 'Grounding: 5-4-3-2-1',
  'tools.groundingBody':
    'Name 5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell and 1 you can taste. Take your time with each.',

  'settings.title': 'Privacy & Settings',
  'settings.privacyTitle': 'Your privacy',
  'settings.privacyBody':
    'Everything runs on this device. No message, mood or answer is ever sent to a server, and no third-party service is contacted.',
  'settings.sessionTitle': 'This session',
  'settings.sessionAnonymous':
    'You chose an anonymous session: nothing is saved, and everything disappears when you close this tab.',
  'settings.sessionSaving': 'You agreed to save on this device. You can withdraw this at any time.',
  'settings.withdraw': 'Stop saving and start over',
  'settings.languageTitle': 'Language',
  'settings.aboutTitle': 'About',
  'settings.aboutBody': '{name} offers support and self-help. It is not therapy and does not diagnose.',
  'settings.version': 'Version {version}',

  'update.available': 'A new version of {name} is available.',
  'update.reload': 'Reload',
  'update.later': 'Later',
  'offline.ready': 'Ready to work offline.',

  'config.errorTitle': 'This site’s configuration has a problem',
  'config.errorBody':
    'The file solace.config.json could not be used. The people who host this site need to fix it. Details:',
  'config.errorJson': 'The file is not valid JSON: {message}',
  'config.errorHelp':
    'If you need help now, the crisis lines below are built into the app and always available.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
