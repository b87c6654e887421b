// The prompts that ship with the app, in English and Spanish. Plain text (no Markdown), short,
// curious and never assuming: no guessed family, gender or reasons. Spanish uses "tú" and avoids
// adjectives that agree with the person (see docs/voice.md).
//
// Ids are `<group>.<two digits>` and never change or get reused: entries keep the id of the
// prompt they answer. A prompt may be reworded; a retired prompt's id is not given to another.

export const PROMPT_GROUPS = ['feelings', 'identity', 'relationships', 'school', 'body', 'strengths', 'goals'] as const;

export type PromptGroup = (typeof PROMPT_GROUPS)[number];

export type ShippedPrompt = {
  readonly id: string;
  readonly group: PromptGroup;
  readonly en: string;
  readonly es: string;
};

type Texts = readonly (readonly [en: string, es: string])[];

const FEELINGS: Texts = [
  [
    "Is there a name for what you've been feeling lately — or is it still finding its words?",
    '¿Tiene nombre lo que has sentido últimamente, o todavía está buscando sus palabras?',
  ],
  [
    'What feeling showed up most today? Where did you notice it first?',
    '¿Qué sentimiento apareció más hoy? ¿Dónde lo notaste primero?',
  ],
  ['If today came with a weather report, what would it say?', 'Si hoy viniera con pronóstico del tiempo, ¿qué diría?'],
  [
    "What's a feeling you don't get to show much? What would it say if it could talk?",
    '¿Qué sentimiento casi nunca puedes mostrar? ¿Qué diría si pudiera hablar?',
  ],
  [
    "What's been taking up the most room in your head this week?",
    '¿Qué ha ocupado más espacio en tu cabeza esta semana?',
  ],
  [
    'Think of a small moment today that felt okay, even for a second. What was happening?',
    'Piensa en un momento pequeño de hoy que se sintió bien, aunque fuera un segundo. ¿Qué estaba pasando?',
  ],
  [
    'What do you wish someone had noticed about how you were doing today?',
    '¿Qué te hubiera gustado que alguien notara sobre cómo estabas hoy?',
  ],
  [
    'When a big feeling shows up, what usually helps it pass — even a little?',
    'Cuando llega un sentimiento grande, ¿qué suele ayudar a que pase, aunque sea un poco?',
  ],
  [
    "Is there something you're carrying right now that you'd like to set down here for a while?",
    '¿Hay algo que estés cargando ahora y que quieras dejar aquí por un rato?',
  ],
  [
    'Two feelings can be true at the same time. Which two have been sitting side by side for you lately?',
    'Dos sentimientos pueden ser ciertos al mismo tiempo. ¿Cuáles dos han estado juntos en ti últimamente?',
  ],
];

const IDENTITY: Texts = [
  [
    "What's something you did this week that felt like you — really you?",
    '¿Qué hiciste esta semana que se sintió como tú, de verdad como tú?',
  ],
  [
    "What's a word you'd like people to use about you? Is there one you're done with?",
    '¿Qué palabra te gustaría que la gente usara para hablar de ti? ¿Hay alguna que ya no quieres escuchar?',
  ],
  [
    'Which parts of you feel easy to share, and which do you keep for yourself? Both are okay.',
    '¿Qué partes de ti te resulta fácil compartir y cuáles guardas para ti? Las dos cosas están bien.',
  ],
  [
    'Where do you feel most like yourself? A place, a group of people, a time of day?',
    '¿Dónde te sientes más como tú? ¿Un lugar, un grupo de personas, una hora del día?',
  ],
  [
    "What's something about you that has changed in the last year? How do you feel about it?",
    '¿Qué ha cambiado en ti en el último año? ¿Cómo te sientes con eso?',
  ],
  [
    "If you could tell a younger you one thing about who you're becoming, what would it be?",
    'Si pudieras decirle una cosa a tu yo de antes sobre la persona en la que te estás convirtiendo, ¿qué le dirías?',
  ],
  [
    "Is there a name, a word or a way of describing yourself you're trying on right now? How does it fit today?",
    '¿Hay un nombre, una palabra o una forma de describirte que te estés probando ahora? ¿Cómo te queda hoy?',
  ],
  [
    'What music, shows, games or people make you feel seen?',
    '¿Con qué música, series, juegos o personas sientes que te ven de verdad?',
  ],
  [
    "What's something you believe in, even if nobody around you does?",
    '¿En qué crees, aunque nadie a tu alrededor lo crea?',
  ],
  [
    "What would a day look like where you didn't have to explain yourself to anyone?",
    '¿Cómo sería un día en el que no tuvieras que darle explicaciones a nadie sobre quién eres?',
  ],
  // identity.11 onwards: the identity space's Reflect tab offers these too (append only).
  [
    'When did you last feel at home in your body, your clothes or your name, even for a moment?',
    '¿Cuándo fue la última vez que te sentiste en casa en tu cuerpo, tu ropa o tu nombre, aunque fuera un momento?',
  ],
  [
    'If you could choose what people notice about you when you walk into a room, what would it be?',
    'Si pudieras elegir qué nota la gente de ti cuando entras a un lugar, ¿qué sería?',
  ],
  [
    "Have you heard a name or a word used for someone else and thought, 'that could be me'? What was it?",
    '¿Alguna vez escuchaste un nombre o una palabra para otra persona y pensaste «eso podría ser yo»? ¿Cuál fue?',
  ],
  [
    'Think of a time you felt really right in yourself. What was happening, and what made it feel that way?',
    'Piensa en una vez en que te sentiste en armonía contigo. ¿Qué estaba pasando y qué hizo que se sintiera así?',
  ],
  [
    "What's hard about being you right now? You don't have to solve it. You can just set it down here.",
    '¿Qué se te hace difícil de ser tú en este momento? No tienes que resolverlo. Puedes dejarlo aquí.',
  ],
  [
    "Who, real or fictional, reminds you of who you'd like to be? What about them speaks to you?",
    '¿Qué persona, real o de ficción, te recuerda a quien te gustaría ser? ¿Qué tiene que te llama?',
  ],
  [
    'How would you like the people who care about you to describe you?',
    '¿Cómo te gustaría que te describieran las personas que te quieren?',
  ],
  [
    "Is there a part of you you're still getting to know? What have you learned about it so far?",
    '¿Hay una parte de ti que todavía estás conociendo? ¿Qué has aprendido de ella hasta ahora?',
  ],
  [
    'What would you like to try if nobody were watching: a style, a name, a way of moving through the world?',
    '¿Qué te gustaría probar si nadie estuviera mirando: un estilo, un nombre, una forma de estar en el mundo?',
  ],
  [
    'Who in your life sees you the way you see yourself? What is that like?',
    '¿Quién en tu vida te ve como tú te ves? ¿Cómo es eso para ti?',
  ],
  [
    "What's one thing you'd like the people around you to understand about your gender, or about figuring it out?",
    '¿Qué te gustaría que la gente a tu alrededor entendiera sobre tu género, o sobre ir descubriéndolo?',
  ],
  [
    "Is there a word for who you are that fits today? It's okay if it changes, or if there isn't one yet.",
    '¿Hay una palabra para lo que eres que te quede hoy? Está bien si cambia, o si todavía no hay ninguna.',
  ],
  [
    'Picture yourself a few years from now, fully being yourself. What is one small thing you do in that picture?',
    'Imagínate dentro de unos años, siendo plenamente tú. ¿Qué es una cosa pequeña que haces en esa imagen?',
  ],
  [
    'What helps on the days you feel out of place in yourself? What could you offer yourself next time?',
    '¿Qué te ayuda los días en que no te sientes a gusto dentro de ti? ¿Qué podrías ofrecerte la próxima vez?',
  ],
];

const RELATIONSHIPS: Texts = [
  [
    "Who's someone you feel at ease around? What do they do that makes it easy?",
    '¿Con quién te sientes a gusto? ¿Qué hace esa persona para que sea fácil?',
  ],
  [
    "Is there a conversation you keep replaying? What do you wish you'd said — or what are you glad you said?",
    '¿Hay una conversación que sigues repasando en tu cabeza? ¿Qué te hubiera gustado decir, o qué te alegra haber dicho?',
  ],
  [
    'What does a good friendship look like to you? Who has been that for you?',
    '¿Cómo es una buena amistad para ti? ¿Quién ha sido eso para ti?',
  ],
  [
    'Is there someone you miss right now? What would you tell them?',
    '¿Extrañas a alguien ahora mismo? ¿Qué le dirías?',
  ],
  [
    'Where could you use a bit more space in your life? Where would you like more closeness?',
    '¿Dónde te vendría bien un poco más de espacio en tu vida? ¿Y dónde te gustaría más cercanía?',
  ],
  [
    "Think of the people you spend the most time with. What's one thing you'd like them to understand about you?",
    'Piensa en las personas con quienes pasas más tiempo. ¿Qué te gustaría que entendieran de ti?',
  ],
  [
    "What's a boundary you've set, or would like to set? How did it feel — or how might it feel?",
    '¿Qué límite has puesto o te gustaría poner? ¿Cómo se sintió, o cómo crees que se sentiría?',
  ],
  [
    'Who makes you laugh the hardest? Write down something they said or did.',
    '¿Quién te hace reír más? Escribe algo que dijo o hizo.',
  ],
  [
    "Is there a relationship that's been feeling complicated lately? What's the tricky part?",
    '¿Hay alguna relación que se ha sentido complicada últimamente? ¿Cuál es la parte difícil?',
  ],
  [
    "If you could ask someone for one thing, without worrying how they'd react, what would you ask?",
    'Si pudieras pedirle algo a alguien sin preocuparte por cómo reaccionaría, ¿qué le pedirías?',
  ],
];

const SCHOOL: Texts = [
  [
    'What part of your day at school — or wherever your days happen — felt heaviest? What felt lighter?',
    '¿Qué parte de tu día en la escuela, o donde pasas tus días, se sintió más pesada? ¿Y cuál más ligera?',
  ],
  [
    "What's something you learned lately that actually stuck with you, in class or out of it?",
    '¿Qué aprendiste hace poco que de verdad se te quedó, en clase o fuera de ella?',
  ],
  [
    'If you could change one thing about how your days are set up, what would it be?',
    'Si pudieras cambiar una cosa de cómo están organizados tus días, ¿cuál sería?',
  ],
  [
    "Is something coming up — a test, a deadline, a presentation — that's on your mind? What would help you walk in a bit calmer?",
    '¿Se acerca algo, un examen, una entrega, una presentación, que te da vueltas en la cabeza? ¿Qué te ayudaría a llegar con un poco más de calma?',
  ],
  [
    'Who at school makes things easier? Who makes them harder?',
    '¿Quién en la escuela te hace las cosas más fáciles? ¿Y quién te las hace más difíciles?',
  ],
  [
    "What's a subject or skill you're better at than you give yourself credit for?",
    '¿Qué materia o habilidad se te da mejor de lo que te reconoces?',
  ],
  [
    'What does it feel like when something pulls you in completely? When did that last happen?',
    '¿Cómo se siente cuando algo te atrapa por completo? ¿Cuándo fue la última vez?',
  ],
  [
    "What would you want someone who teaches you to know about you, that they probably don't?",
    '¿Qué te gustaría que supiera de ti alguien que te da clase, y que probablemente no sabe?',
  ],
  [
    "Besides school, what's taking up your energy right now?",
    'Además de la escuela, ¿qué se está llevando tu energía ahora?',
  ],
  [
    'Think of a time you got something wrong and it turned out okay. What happened?',
    'Piensa en una vez que te equivocaste y al final salió bien. ¿Qué pasó?',
  ],
];

const BODY: Texts = [
  [
    "Where in your body do you notice how today went? What's it telling you?",
    '¿En qué parte del cuerpo notas cómo te fue hoy? ¿Qué te está diciendo?',
  ],
  [
    'How have you been sleeping lately? What helps you wind down at night?',
    '¿Cómo has dormido últimamente? ¿Qué te ayuda a bajar el ritmo en la noche?',
  ],
  [
    "What's a way of moving — walking, dancing, stretching, anything — that feels good to you?",
    '¿Qué forma de moverte, caminar, bailar, estirarte, lo que sea, te hace sentir bien?',
  ],
  [
    "What's one small, kind thing you could do for your body today?",
    '¿Qué cosa pequeña y amable podrías hacer hoy por tu cuerpo?',
  ],
  [
    "Take three slow breaths. What do you notice now that you didn't a minute ago?",
    'Respira lento tres veces. ¿Qué notas ahora que no notabas hace un minuto?',
  ],
  [
    'When do you feel most at home in your body? When do you feel least?',
    '¿Cuándo te sientes más en casa dentro de tu cuerpo? ¿Y cuándo menos?',
  ],
  [
    "What does your body do for you that you don't usually thank it for?",
    '¿Qué hace tu cuerpo por ti que normalmente no le agradeces?',
  ],
  [
    'What clothes, hair or style make you feel most like yourself?',
    '¿Qué ropa, peinado o estilo te hacen sentir más como tú?',
  ],
  [
    "How's your energy today, somewhere between running on empty and buzzing? What's behind it?",
    '¿Cómo está tu energía hoy, entre el tanque vacío y a mil? ¿Qué hay detrás?',
  ],
  [
    'Is your body asking for something — rest, food, water, fresh air? Could you give it some of that?',
    '¿Tu cuerpo te está pidiendo algo, descanso, comida, agua, aire fresco? ¿Podrías darle un poco de eso?',
  ],
];

const STRENGTHS: Texts = [
  [
    "What's something you handled this week that would have been harder a year ago?",
    '¿Qué manejaste esta semana que hace un año te habría costado más?',
  ],
  [
    'If someone who cares about you listed what you\'re good at, what would be on it? Would you agree?',
    'Si alguien que te quiere hiciera una lista de lo que se te da bien, ¿qué habría en ella? ¿Le darías la razón?',
  ],
  [
    'Think of a hard time you got through. What helped you keep going?',
    'Piensa en un momento difícil que atravesaste. ¿Qué te ayudó a seguir?',
  ],
  [
    "What's something that makes you quietly proud, even if you've never told anyone?",
    '¿Qué te da un orgullo tranquilo, aunque nunca se lo hayas contado a nadie?',
  ],
  [
    'When did you last help someone out? What was that like?',
    '¿Cuándo fue la última vez que le echaste una mano a alguien? ¿Cómo fue?',
  ],
  ["What's a skill you taught yourself?", '¿Qué habilidad aprendiste por tu cuenta?'],
  ['Which of your quirks do you secretly like?', '¿Cuál de tus rarezas te gusta en secreto?'],
  [
    'What did you do today, however small, that took a bit of courage?',
    '¿Qué hiciste hoy, aunque sea algo pequeño, que te pidió un poco de valor?',
  ],
  [
    'What do you bring to a group that would be missing without you?',
    '¿Qué le aportas a un grupo que faltaría si no estuvieras?',
  ],
  [
    'Write about a moment you stood up for yourself or for someone else.',
    'Escribe sobre un momento en que diste la cara por ti o por alguien más.',
  ],
];

const GOALS: Texts = [
  [
    "What's one small thing you'd like to do this week, just for you?",
    '¿Qué cosa pequeña te gustaría hacer esta semana, solo para ti?',
  ],
  [
    'What feels like a manageable first step toward something you care about?',
    '¿Qué primer paso se siente posible hacia algo que te importa?',
  ],
  [
    'Picture an ordinary day a year from now that you\'d be happy with. What\'s in it?',
    'Imagina un día cualquiera dentro de un año que te haría feliz. ¿Qué hay en él?',
  ],
  [
    "Is there something you've been wanting to try? What's standing in the way?",
    '¿Hay algo que tienes ganas de probar? ¿Qué se interpone?',
  ],
  [
    "What's something you want more of in your life? And less of?",
    '¿De qué te gustaría tener más en tu vida? ¿Y de qué menos?',
  ],
  [
    "Think of a goal that's been sitting with you for a while. Does it still feel like yours?",
    'Piensa en una meta que llevas tiempo pensando. ¿Todavía se siente tuya?',
  ],
  [
    "What would \u201cgood enough\u201d look like for something you're working on?",
    '¿Cómo se vería «suficientemente bien» en algo en lo que estás trabajando?',
  ],
  [
    "Who or what could help with something you're working toward?",
    '¿Quién o qué podría ayudarte con algo que quieres lograr?',
  ],
  [
    "What's something you're looking forward to, big or small?",
    '¿Qué esperas con ganas, algo grande o pequeño?',
  ],
  [
    'Look back at the last month. What moved forward, even a little?',
    'Mira hacia atrás el último mes. ¿Qué avanzó, aunque sea un poco?',
  ],
];

const BY_GROUP: Record<PromptGroup, Texts> = {
  feelings: FEELINGS,
  identity: IDENTITY,
  relationships: RELATIONSHIPS,
  school: SCHOOL,
  body: BODY,
  strengths: STRENGTHS,
  goals: GOALS,
};

/** Every shipped prompt, grouped in the order of PROMPT_GROUPS. */
export const SHIPPED_PROMPTS: readonly ShippedPrompt[] = PROMPT_GROUPS.flatMap((group) =>
  BY_GROUP[group].map(([en, es], index) => ({
    id: `${group}.${String(index + 1).padStart(2, '0')}`,
    group,
    en,
    es,
  })),
);
